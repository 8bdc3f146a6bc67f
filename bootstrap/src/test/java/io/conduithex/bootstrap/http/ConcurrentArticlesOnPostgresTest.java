package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.ApplicationUnderTest;
import io.conduithex.testsupport.PostgresApplicationExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrentArticlesOnPostgresTest extends ArticleRaces {

    @RegisterExtension
    final PostgresApplicationExtension app = TestApplication.onFreshPostgres();

    @Override
    ApplicationUnderTest app() {
        return app;
    }
}
