package io.conduithex.bootstrap.reliability;

class KilledConnectionsOnMariaDbTest extends KilledConnections {
    KilledConnectionsOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
