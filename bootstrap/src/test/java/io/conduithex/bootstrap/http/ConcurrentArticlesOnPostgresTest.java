package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class ConcurrentArticlesOnPostgresTest extends ArticleRaces {
    ConcurrentArticlesOnPostgresTest() {
        super(TestApplication.onFreshPostgres());
    }
}
