package io.conduithex.bootstrap.reliability;

class DatabaseDownAtStartOnMariaDbTest extends DatabaseDownAtStart {
    DatabaseDownAtStartOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
