package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class ConcurrentArticlesOnSqliteTest extends ArticleRaces {
    ConcurrentArticlesOnSqliteTest() {
        super(TestApplication.onFreshSqlite());
    }
}
