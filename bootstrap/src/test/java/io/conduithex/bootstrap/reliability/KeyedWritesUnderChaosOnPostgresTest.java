package io.conduithex.bootstrap.reliability;

class KeyedWritesUnderChaosOnPostgresTest extends KeyedWritesUnderServerChaos {
    KeyedWritesUnderChaosOnPostgresTest() {
        super(PostgresFaultServer::launch);
    }
}
