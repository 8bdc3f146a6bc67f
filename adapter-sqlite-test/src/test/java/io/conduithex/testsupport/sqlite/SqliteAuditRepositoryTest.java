package io.conduithex.testsupport.sqlite;

import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.AuditRepositoryContract;

class SqliteAuditRepositoryTest extends AuditRepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
    }
}
