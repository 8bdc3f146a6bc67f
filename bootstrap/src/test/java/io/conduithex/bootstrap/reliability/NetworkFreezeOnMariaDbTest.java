package io.conduithex.bootstrap.reliability;

class NetworkFreezeOnMariaDbTest extends NetworkFreeze {
    NetworkFreezeOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
