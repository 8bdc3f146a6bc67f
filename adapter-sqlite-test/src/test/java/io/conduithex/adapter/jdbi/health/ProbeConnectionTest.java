package io.conduithex.adapter.jdbi.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.application.health.HealthCheck.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe can never hold its caller past the timeout, whatever the probe itself does. */
class ProbeConnectionTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path folder;

    private ProbeConnection probe;

    @BeforeEach
    void open() {
        probe = new ProbeConnection(DatabaseSettings.forUrl("jdbc:sqlite:" + folder.resolve("probe.db")), TIMEOUT);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aProbeThatHangsIsDownAtTheTimeoutAndTheNextOneAnswersOnceItEnds() throws Exception {
        var hanging = new CountDownLatch(1);
        var started = new CountDownLatch(1);

        long began = System.nanoTime();
        Result hung = probe.run(connection -> {
            started.countDown();
            // Stands for a driver stuck on a silent network: it ignores interrupts and ends only when let go.
            while (hanging.getCount() > 0) {
                try {
                    hanging.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // a stuck driver call does not notice
                }
            }
            return Result.up(null);
        });
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        hanging.countDown();

        assertThat(hung.up()).isFalse();
        assertThat(hung.detail()).isEqualTo("no answer within 300 ms");
        assertThat(waitedMillis).as("the caller waited about the timeout, not for the probe")
                .isLessThan(TimeUnit.SECONDS.toMillis(5));
        assertThat(probe.run(connection -> Result.up("answered")).detail()).isEqualTo("answered");
    }

    @Test
    void aProbeThatFailsIsDownWithTheReason() {
        Result failed = probeExecuting("SELECT * FROM no_such_table");

        assertThat(failed.up()).isFalse();
        assertThat(failed.detail()).contains("no such table: no_such_table");
    }

    @Test
    void theProbeConnectionRefusesWritesOnSqlite() {
        Result write = probeExecuting("CREATE TABLE t (x INTEGER)");

        assertThat(write.up()).isFalse();
    }

    @Test
    void rightAfterAFailedPingTheMigrationsCheckIsDownAtOnceInsteadOfWaitingOutItsOwnTimeout() {
        var neverAsked = new java.util.concurrent.atomic.AtomicBoolean(true);
        var migrations = new MigrationState(probe, () -> {
            neverAsked.set(false);
            return "2";
        }, () -> true);

        Result result = migrations.check();

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).isEqualTo("not checked: the database did not answer the ping");
        assertThat(neverAsked).isTrue();
    }

    @Test
    void afterCloseAProbeIsDownWithoutTouchingTheDatabase() {
        probe.close();

        Result closed = probe.run(connection -> Result.up(null));

        assertThat(closed.up()).isFalse();
        assertThat(closed.detail()).isEqualTo("the application is shutting down");
    }

    /** What the probe reports for running {@code sql} on its connection, up when the statement runs at all. */
    private Result probeExecuting(String sql) {
        return probe.run(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return Result.up(null);
        });
    }
}
