package io.conduithex.testsupport.sqlite;

import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.ArticleStatementCostContract;

class SqliteArticleStatementCostTest extends ArticleStatementCostContract {
    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
    }
}
