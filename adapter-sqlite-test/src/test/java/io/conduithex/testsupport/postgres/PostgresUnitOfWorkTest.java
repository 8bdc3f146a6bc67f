package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.UnitOfWorkContract;

class PostgresUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
