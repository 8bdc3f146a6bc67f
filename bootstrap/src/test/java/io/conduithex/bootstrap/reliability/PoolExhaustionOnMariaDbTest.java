package io.conduithex.bootstrap.reliability;

class PoolExhaustionOnMariaDbTest extends PoolExhaustion {
    PoolExhaustionOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
