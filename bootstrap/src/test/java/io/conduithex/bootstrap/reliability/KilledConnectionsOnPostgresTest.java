package io.conduithex.bootstrap.reliability;

class KilledConnectionsOnPostgresTest extends KilledConnections {
    KilledConnectionsOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
