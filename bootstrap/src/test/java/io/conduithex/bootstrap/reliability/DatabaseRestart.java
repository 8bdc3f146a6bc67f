package io.conduithex.bootstrap.reliability;

import static io.conduithex.bootstrap.reliability.CallAssertions.MEASURING_SLACK;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllSucceeded;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertFailedFastOrSucceeded;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertNoneLongerThan;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Database restarts under load: the test stops its database server (a clean shutdown) for 5 s under a steady mixed
 * load and starts it again. During the outage requests fail fast with 503 (never past the pool timeout, never
 * 500); within 2 s of the database's return every request succeeds again, without restarting the application; and
 * every write a client saw acknowledged is in the database afterwards. A write whose COMMIT the shutdown cut off is
 * a 503 like the others (on MariaDB it says the write may or may not be stored), never a 2xx.
 */
abstract class DatabaseRestart extends FaultTest {

    private static final Limits LIMITS = new Limits(4, Duration.ofMillis(1000), Duration.ofMillis(2000));
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(2);
    /** How long the load goes on once every request must succeed again. */
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(3);

    DatabaseRestart(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void aFiveSecondRestartUnderLoadFailsFastWith503AndEveryRequestSucceedsWithinTwoSecondsOfTheReturn()
            throws Exception {
        RunningConduit app = startConduit(LIMITS);
        LoadGenerator load = steadyLoad(app, 4, Duration.ofMillis(20), 20);

        long stopping = System.nanoTime();
        server.stop();
        long down = System.nanoTime();
        holdUntil(stopping + OUTAGE.toNanos());
        server.start();
        long back = System.nanoTime();
        long recovered = back + RECOVERY.toNanos();
        holdUntil(recovered + AFTER_RECOVERY.toNanos());
        List<Call> calls = load.stop();
        System.out.println(LoadGenerator.summary("database restart", calls) + "; database back after "
                + Duration.ofNanos(back - down).toMillis() + " ms down, first success "
                + calls.stream().filter(call -> call.startedAtOrAfter(back) && call.succeeded())
                .mapToLong(call -> Duration.ofNanos(call.startedNanos() - back).toMillis()).min().orElse(-1)
                + " ms after its return");

        assertFailedFastOrSucceeded(calls, LIMITS.requestBound());

        List<Call> duringOutage = calls.stream()
                .filter(call -> call.startedAtOrAfter(down) && call.startedBefore(back)).toList();
        assertThat(duringOutage).as("requests while the database was down")
                .anyMatch(call -> call.status() == 503);
        assertNoneLongerThan(duringOutage, LIMITS.poolTimeout().plus(MEASURING_SLACK));

        List<Call> afterRecovery = calls.stream().filter(call -> call.startedAtOrAfter(recovered)).toList();
        assertThat(afterRecovery).as("requests from %d ms after the database's return", RECOVERY.toMillis())
                .hasSizeGreaterThan(20);
        assertAllSucceeded(afterRecovery);

        assertNothingAcknowledgedWasLost(app, load, calls);
    }
}
