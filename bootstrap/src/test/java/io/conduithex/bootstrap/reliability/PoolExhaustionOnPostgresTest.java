package io.conduithex.bootstrap.reliability;

class PoolExhaustionOnPostgresTest extends PoolExhaustion {
    PoolExhaustionOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
