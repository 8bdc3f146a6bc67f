package io.conduithex.bootstrap.reliability;

class NetworkFreezeOnPostgresTest extends NetworkFreeze {
    NetworkFreezeOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
