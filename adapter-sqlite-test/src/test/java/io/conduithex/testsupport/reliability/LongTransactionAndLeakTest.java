package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.testsupport.kit.LogRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions held open too long, and connections held too long, are reported to the operator: a warning that
 * names the use case and its duration plus a metric for the first, the pool's leak report (the holder's thread, how
 * long, where it is now) for the second, and a line when the reported connection comes back.
 */
class LongTransactionAndLeakTest {
    private static final String LONG_TRANSACTIONS = "conduit.uow.long_transactions";

    @TempDir
    Path folder;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbiPersistence persistence;

    @AfterEach
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @Test
    void aTransactionOverTheLimitIsLoggedWithItsUseCaseAndDurationAndCounted() {
        open(DatabaseSettings.forUrl(url()).toBuilder().longTransaction(Duration.ofMillis(150)).build());

        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi.transaction")) {
            persistence.unitOfWork().inTransaction(TransactionSpec.readWrite("slow-report"), tx -> {
                pause(Duration.ofMillis(300));
                return null;
            });
            persistence.unitOfWork().inTransaction(TransactionSpec.readOnly("quick-read"), tx -> null);

            assertThat(logs.lines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("WARN Long transaction: unit of work 'slow-report' held its transaction for ")
                    .contains("(limit 150 ms, commit)"));
        }
        assertThat(meters.counter(LONG_TRANSACTIONS, "use_case", "slow-report").count()).isEqualTo(1.0);
        assertThat(meters.find(LONG_TRANSACTIONS).tag("use_case", "quick-read").counter()).isNull();
        assertThat(meters.timer("conduit.uow.transactions", "use_case", "quick-read", "outcome", "commit").count())
                .isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionOverTheLimitIsReportedToo() {
        open(DatabaseSettings.forUrl(url()).toBuilder().longTransaction(Duration.ofMillis(100)).build());

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(TransactionSpec.readWrite("slow-failure"),
                tx -> {
                    pause(Duration.ofMillis(200));
                    throw new IllegalStateException("gave up");
                })).isInstanceOf(IllegalStateException.class).hasMessage("gave up");

        assertThat(meters.counter(LONG_TRANSACTIONS, "use_case", "slow-failure").count()).isEqualTo(1.0);
        assertThat(meters.timer("conduit.uow.transactions", "use_case", "slow-failure", "outcome", "rollback").count())
                .isEqualTo(1);
    }

    @Test
    void aConnectionHeldPastTheLeakThresholdIsReportedByThePool() {
        open(DatabaseSettings.forUrl(url()).toBuilder().leakDetection(DatabaseSettings.MIN_LEAK_DETECTION).build());

        var lines = poolLogWhileAConnectionIsHeldPastTheLeakThreshold();

        String holder = Thread.currentThread().getName();
        assertThat(lines).filteredOn(line -> line.startsWith("WARN Connection leak detection triggered"))
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("thread " + holder + " has held a connection for ")
                        .contains("(limit " + DatabaseSettings.MIN_LEAK_DETECTION.toMillis() + " ms)"));
        assertThat(lines).last().satisfies(line -> assertThat(line)
                .startsWith("WARN Previously reported leaked connection").contains("returned by thread " + holder));
    }

    @Test
    void aConnectionReturnedInTimeIsNotReported() {
        open(DatabaseSettings.forUrl(url()).toBuilder().leakDetection(DatabaseSettings.MIN_LEAK_DETECTION).build());

        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi.pool.LeakWatch")) {
            for (int i = 0; i < 20; i++) {
                persistence.unitOfWork().useTransaction(TransactionSpec.readOnly("quick"), tx -> pause(Duration.ofMillis(10)));
            }
            pause(DatabaseSettings.MIN_LEAK_DETECTION.plusMillis(700));
            assertThat(logs.lines()).isEmpty();
        }
    }

    @Test
    void withLeakDetectionOffNothingIsReported() {
        open(DatabaseSettings.forUrl(url()).toBuilder().leakDetection(Duration.ZERO).build());

        assertThat(poolLogWhileAConnectionIsHeldPastTheLeakThreshold()).isEmpty();
    }

    /** What the pool's leak detector logs while a unit of work holds its connection past the lowest threshold. */
    private List<String> poolLogWhileAConnectionIsHeldPastTheLeakThreshold() {
        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi.pool.LeakWatch")) {
            persistence.unitOfWork().useTransaction(TransactionSpec.readWrite("holds-its-connection"),
                    tx -> pause(DatabaseSettings.MIN_LEAK_DETECTION.plusMillis(700)));
            return logs.lines();
        }
    }

    private void open(DatabaseSettings settings) {
        persistence = JdbiPersistence.open(settings, meters);
        persistence.migrate();
    }

    private String url() {
        return "jdbc:sqlite:" + folder.resolve("conduit.db");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
