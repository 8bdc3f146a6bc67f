package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.testsupport.SqliteApplicationExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the article-side HTTP tests: the real app on a fresh SQLite database per test, a client for it,
 * jake registered, and after each test the check that no request was answered with a 500.
 */
@ExtendWith(CapturedLogs.class)
abstract class ConduitApiTest {

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

    ConduitApi api;
    Account jake;

    @BeforeEach
    final void connectAndRegisterJake() {
        api = new ConduitApi(app.baseUri());
        jake = api.registered("jake");
    }

    @AfterEach
    final void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }
}
