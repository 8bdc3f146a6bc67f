package io.conduithex.testsupport.sqlite;

import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.IdempotencyContract;

class SqliteIdempotencyTest extends IdempotencyContract {
    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
    }

    @Override
    protected boolean concurrentWriters() {
        return false;
    }
}
