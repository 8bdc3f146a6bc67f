package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.ApplicationUnderTest;
import io.conduithex.testsupport.SqliteApplicationExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrentArticlesOnSqliteTest extends ArticleRaces {

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

    @Override
    ApplicationUnderTest app() {
        return app;
    }
}
