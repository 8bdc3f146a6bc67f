package io.conduithex.bootstrap.reliability;

class StatementTimeoutOnPostgresTest extends StatementTimeout {
    StatementTimeoutOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
