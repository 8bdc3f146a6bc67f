package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.SeedWriterContract;

class MariaDbSeedWriterTest extends SeedWriterContract {
    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }
}
