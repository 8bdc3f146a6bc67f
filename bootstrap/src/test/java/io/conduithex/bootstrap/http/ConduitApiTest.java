package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the article-side HTTP tests: an {@link ApiTest} with jake registered, and after each test the check
 * that no request was answered with a 500.
 */
abstract class ConduitApiTest extends ApiTest {

    Account jake;

    @BeforeEach
    final void registerJake() {
        jake = api.registered("jake");
    }

    @AfterEach
    final void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }
}
