package io.conduithex.bootstrap.reliability;

import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllSucceeded;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertFailedFastOrSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Network freeze: the database's TCP traffic stops without a reset (a proxy between the application and the
 * database stops forwarding). The server never sees the statements sent into the frozen network, so its
 * statement timeout cannot end them, and a cancel request cannot reach it either: only the driver's socket
 * timeout can. No request blocks longer than the pool timeout plus the statement timeout (plus the measuring
 * slack), and the application recovers once traffic flows again.
 */
abstract class NetworkFreeze extends FaultTest {

    private static final Limits LIMITS = new Limits(2, Duration.ofMillis(1000), Duration.ofMillis(1000));
    /** Longer than the request bound, so that requests caught in the freeze can only end by a timeout. */
    private static final Duration FREEZE = Duration.ofSeconds(4);
    private static final Duration RECOVERY = Duration.ofSeconds(2);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(2);

    NetworkFreeze(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void aFrozenNetworkHoldsNoRequestPastThePoolAndStatementTimeoutsAndTheAppRecoversWhenTrafficFlows()
            throws Exception {
        TcpProxy proxy = closeAfterwards(TcpProxy.to(server.port()));
        RunningConduit app = startConduitThrough(proxy.port(), LIMITS);
        LoadGenerator load = steadyLoad(app, 3, Duration.ofMillis(50), 15);

        long frozen = System.nanoTime();
        proxy.freeze();
        holdUntil(frozen + FREEZE.toNanos());
        proxy.unfreeze();
        long thawed = System.nanoTime();
        long recovered = thawed + RECOVERY.toNanos();
        holdUntil(recovered + AFTER_RECOVERY.toNanos());
        List<Call> calls = load.stop();
        System.out.println(LoadGenerator.summary("network frozen " + FREEZE.toMillis() + " ms", calls));

        assertFailedFastOrSucceeded(calls, LIMITS.requestBound());
        assertThat(calls.stream().filter(call -> call.finishedNanos() - frozen > 0 && call.startedBefore(thawed)))
                .as("requests caught in the freeze and ended by the driver's socket timeout")
                .anyMatch(CallAssertions::isTimeout);

        List<Call> afterRecovery = calls.stream().filter(call -> call.startedAtOrAfter(recovered)).toList();
        assertThat(afterRecovery).as("requests from %d ms after traffic flows again", RECOVERY.toMillis())
                .hasSizeGreaterThan(10);
        assertAllSucceeded(afterRecovery);

        assertNothingAcknowledgedWasLost(app, load, calls);
    }
}
