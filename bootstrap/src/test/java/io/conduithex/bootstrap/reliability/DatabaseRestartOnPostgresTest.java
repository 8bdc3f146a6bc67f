package io.conduithex.bootstrap.reliability;

class DatabaseRestartOnPostgresTest extends DatabaseRestart {
    DatabaseRestartOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
