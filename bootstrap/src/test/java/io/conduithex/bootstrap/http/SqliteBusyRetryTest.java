package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * With retries on: a write that finds the database locked by another writer is run again, whole, with
 * backoff, and succeeds once the lock is gone; when the lock outlasts every attempt the client gets 503 with
 * {@code Retry-After}, never 500, and every retry was counted by its cause.
 */
class SqliteBusyRetryTest extends SqliteBusyScenarios {
    private static final int MAX_RETRIES = 2;

    SqliteBusyRetryTest() {
        super(MAX_RETRIES);
    }

    @Test
    void aWriteThatFindsTheDatabaseLockedIsRetriedAndSucceedsOnceTheLockIsReleased() throws Exception {
        var reply = publishWhileTheLockIsHeldUntilTheFirstRetry("Patience");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(busyRetries()).isGreaterThanOrEqualTo(1);
        assertThat(storedArticlesTitled("Patience")).isEqualTo(1);
        assertThat(retryLogLines()).anySatisfy(line -> assertThat(line)
                .startsWith("Retrying unit of work 'create-article' after BUSY"));
    }

    @Test
    void aWriteThatFindsTheDatabaseLockedThroughEveryAttemptGets503WithRetryAfter() throws Exception {
        double before = busyRetries();

        var reply = publishWhileTheLockIsHeldThroughout("Too late");

        assertServiceUnavailable(reply);
        assertThat(busyRetries() - before).isEqualTo(MAX_RETRIES);
        assertThat(retryLogLines()).anySatisfy(line -> assertThat(line)
                .startsWith("Unit of work 'create-article' gave up after " + (MAX_RETRIES + 1) + " attempts")
                .contains("SQLITE_BUSY"));
        assertThat(storedArticlesTitled("Too late")).isZero();
        // Nothing stays broken: with the lock gone, the same write goes through.
        assertThat(publish("Too late").status()).isEqualTo(201);
        assertThat(storedArticlesTitled("Too late")).isEqualTo(1);
    }
}
