package io.conduithex.bootstrap.reliability;

class StatementTimeoutOnMariaDbTest extends StatementTimeout {
    StatementTimeoutOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
