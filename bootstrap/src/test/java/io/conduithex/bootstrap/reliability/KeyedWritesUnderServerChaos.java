package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.domain.port.persistence.UnitOfWork;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once keyed writes on a server the test owns: 240 comments, each retried with its key until it is
 * acknowledged, while the application's sessions are killed every 300 ms, a fifth of the commits of the writes
 * (each storing its key's answer) end "outcome unknown" (half of them committed, half not), and the server is
 * stopped for two seconds and started again. Afterwards each comment is stored once with one audit event.
 */
abstract class KeyedWritesUnderServerChaos extends FaultTest {
    private static final Limits LIMITS = new Limits(RunningConduit.MAX_RETRIES, Duration.ofMillis(2000),
            Duration.ofMillis(5000));
    private static final Duration KILL_EVERY = Duration.ofMillis(300);
    /** The restart comes once this many writes are acknowledged, however fast the machine: the rest meet it. */
    private static final int RESTART_AFTER_WRITES = KeyedWritesUnderChaos.WRITES / 4;
    private static final Duration OUTAGE = Duration.ofSeconds(2);

    KeyedWritesUnderServerChaos(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void everyWriteRetriedWithItsKeyThroughKillsLostCommitsAndARestartIsStoredOnceWithOneAuditEvent()
            throws Exception {
        var faults = new AtomicReference<CommitFaults>();
        RunningConduit app = closeAfterwards(RunningConduit.start(server.url(server.port(), database), server.user(),
                LIMITS, new AbstractModule() {
                    @Provides
                    @Singleton
                    UnitOfWork faultyCommits(JdbiPersistence persistence) {
                        faults.set(new CommitFaults(persistence.unitOfWork(),
                                Set.of("add-comment"), 0.1, 0.1));
                        return faults.get();
                    }
                }));
        var client = app.client();
        String token = ConduitClient.tokenOf(client.register("writer"));
        String slug = client.createArticle(token, "Chaos").acknowledged();
        var writes = new KeyedWritesUnderChaos(client, token, slug);
        var done = new AtomicBoolean();
        var kills = new AtomicInteger();
        var restartedUnderLoad = new AtomicBoolean();
        var chaos = CompletableFuture.runAsync(() -> breakThings(app, writes, done, kills, restartedUnderLoad));

        KeyedWritesUnderChaos.Outcome outcome;
        try {
            outcome = writes.sendAll();
        } finally {
            done.set(true);
            chaos.get(30, TimeUnit.SECONDS);
        }
        System.out.println(outcome + "; " + kills.get() + " sessions killed, the server restarted once; injected: "
                + faults.get().committedUnanswered() + " commits unanswered, " + faults.get().neverCommitted()
                + " never committed");

        assertThat(kills.get()).as("sessions killed").isPositive();
        assertThat(restartedUnderLoad).as("the server restarted while writes were being sent").isTrue();
        assertThat(faults.get().committedUnanswered()).as("commits that happened unanswered").isPositive();
        assertThat(faults.get().neverCommitted()).as("commits that never happened").isPositive();
        writes.assertEachWriteStoredOnceWithOneAuditEvent(admin());
    }

    /**
     * Until the writes are done: the application's sessions killed every 300 ms, and a restart once a quarter of
     * the writes are acknowledged.
     */
    private void breakThings(RunningConduit app, KeyedWritesUnderChaos writes, AtomicBoolean done, AtomicInteger kills,
                             AtomicBoolean restartedUnderLoad) {
        boolean restarted = false;
        long lastKill = System.nanoTime();
        while (!done.get()) {
            if (!restarted && writes.acknowledged() >= RESTART_AFTER_WRITES) {
                server.stop();
                holdFor(OUTAGE);
                server.start();
                restarted = true;
                restartedUnderLoad.set(!done.get());
            } else if (System.nanoTime() - lastKill >= KILL_EVERY.toNanos()) {
                kills.addAndGet(server.killSessions(app.applicationName()));
                lastKill = System.nanoTime();
            }
            holdFor(Duration.ofMillis(10));
        }
    }
}
