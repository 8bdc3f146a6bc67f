package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.AuditRepositoryContract;

class PostgresAuditRepositoryTest extends AuditRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }
}
