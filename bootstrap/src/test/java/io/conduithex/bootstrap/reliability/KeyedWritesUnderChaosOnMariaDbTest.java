package io.conduithex.bootstrap.reliability;

class KeyedWritesUnderChaosOnMariaDbTest extends KeyedWritesUnderServerChaos {
    KeyedWritesUnderChaosOnMariaDbTest() {
        super(MariaDbFaultServer::launch);
    }
}
