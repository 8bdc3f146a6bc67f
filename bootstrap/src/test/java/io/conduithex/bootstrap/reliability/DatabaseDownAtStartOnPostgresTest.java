package io.conduithex.bootstrap.reliability;

class DatabaseDownAtStartOnPostgresTest extends DatabaseDownAtStart {
    DatabaseDownAtStartOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
