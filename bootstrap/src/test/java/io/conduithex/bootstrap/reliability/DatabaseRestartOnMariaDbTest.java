package io.conduithex.bootstrap.reliability;

class DatabaseRestartOnMariaDbTest extends DatabaseRestart {
    DatabaseRestartOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
