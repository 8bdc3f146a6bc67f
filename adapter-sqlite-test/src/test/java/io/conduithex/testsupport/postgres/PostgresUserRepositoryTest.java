package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.UserRepositoryContract;

class PostgresUserRepositoryTest extends UserRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
