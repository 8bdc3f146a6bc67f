package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.contract.ArticleListContract;

class PostgresArticleListTest extends ArticleListContract {
    @Override
    protected TestDatabase newDatabase() {
        // A natural-language collation, as production servers have: no order may come from the server's locale.
        return PostgresTestDatabase.createCollatedAs("en-US");
    }
}
