package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.AuditRepositoryContract;

class MariaDbAuditRepositoryTest extends AuditRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }
}
