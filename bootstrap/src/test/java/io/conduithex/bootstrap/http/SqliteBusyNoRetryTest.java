package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The control for {@link SqliteBusyRetryTest}: the same scenario with retries turned off
 * ({@code DB_MAX_RETRIES=0}) ends in 503, which shows that it is the retry that makes the write succeed there.
 */
class SqliteBusyNoRetryTest extends SqliteBusyScenarios {

    SqliteBusyNoRetryTest() {
        super(0);
    }

    @Test
    void withoutRetriesAWriteThatFindsTheDatabaseLockedGets503() throws Exception {
        var reply = publishWhileTheLockIsHeldUntilTheFirstRetry("Impatience");

        assertServiceUnavailable(reply);
        assertThat(busyRetries()).isZero();
        assertThat(retryLogLines()).singleElement().asString()
                .startsWith("Unit of work 'create-article' gave up after 1 attempts").contains("SQLITE_BUSY");
        assertThat(storedArticlesTitled("Impatience")).isZero();
    }
}
