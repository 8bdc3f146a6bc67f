package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.ArticleStatementCostContract;

class PostgresArticleStatementCostTest extends ArticleStatementCostContract {
    @Override
    protected TestDatabase newDatabase() {
        // A natural-language collation, as production servers have: no order may come from the server's locale.
        return PostgresTestDatabase.createCollatedAs("en-US");
    }
}
