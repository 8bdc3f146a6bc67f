package io.conduithex.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.values.MigrationResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundMigrationTest {

    @Test
    void theResultIsWhatTheMigrationReturnedOrThrew() {
        var done = new BackgroundMigration(() -> new MigrationResult(2, "5", "5"));
        done.start();
        assertThat(done.result()).isEqualTo(new MigrationResult(2, "5", "5"));

        var failure = new IllegalStateException("checksum mismatch");
        var failed = new BackgroundMigration(() -> {
            throw failure;
        });
        failed.start();
        assertThatThrownBy(failed::result).isSameAs(failure);
    }

    @Test
    void abandoningStopsAMigrationWaitingForTheDatabaseAndKeepsItsFailure() throws InterruptedException {
        var waiting = new CountDownLatch(1);
        var migration = new BackgroundMigration(() -> {
            waiting.countDown();
            Thread.sleep(60_000);
            return new MigrationResult(0, "5", "5");
        });
        migration.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        var startFailure = new IllegalStateException("port in use");

        long began = System.nanoTime();
        migration.abandon(startFailure, Duration.ofSeconds(30));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
        assertThat(startFailure.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getCause).isInstanceOf(InterruptedException.class);
    }

    @Test
    void abandoningAMigrationThatNeverStartedDoesNothing() {
        var migration = new BackgroundMigration(() -> new MigrationResult(0, "5", "5"));
        var startFailure = new IllegalStateException("no injector");

        migration.abandon(startFailure, Duration.ofSeconds(1));

        assertThat(startFailure.getSuppressed()).isEmpty();
    }
}
