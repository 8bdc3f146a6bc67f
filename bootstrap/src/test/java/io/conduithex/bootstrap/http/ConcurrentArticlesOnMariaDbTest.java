package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.testkit.TestApplication;

class ConcurrentArticlesOnMariaDbTest extends ArticleRaces {
    ConcurrentArticlesOnMariaDbTest() {
        super(TestApplication.onFreshMariaDb());
    }
}
