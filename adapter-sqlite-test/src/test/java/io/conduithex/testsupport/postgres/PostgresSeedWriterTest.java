package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.SeedWriterContract;

class PostgresSeedWriterTest extends SeedWriterContract {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
