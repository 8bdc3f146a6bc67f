package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.FollowRepositoryContract;

class PostgresFollowRepositoryTest extends FollowRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
