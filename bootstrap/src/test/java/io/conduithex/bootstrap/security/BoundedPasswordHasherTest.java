package io.conduithex.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.OverloadedException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {
    private static final Password PASSWORD = new Password("correct horse battery");

    private final GatedHasher gated = new GatedHasher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BoundedPasswordHasher bounded = new BoundedPasswordHasher(gated, 1, 1, meters);

    @AfterEach
    void openAndClose() {
        gated.open.countDown();
        bounded.close();
    }

    @Test
    void hashesOnItsOwnThreadAndReturnsTheResult() {
        gated.open.countDown();

        assertThat(bounded.hash(PASSWORD)).isEqualTo(GatedHasher.HASH);
        assertThat(bounded.matches(PASSWORD, GatedHasher.HASH)).isTrue();
        assertThat(gated.lastThread.get()).startsWith("password-hashing-");
    }

    @Test
    void beyondTheThreadsAndTheWaitingPlacesAHashIsRefusedAtOnce() throws Exception {
        var running = CompletableFuture.supplyAsync(() -> bounded.hash(PASSWORD));
        assertThat(gated.started.await(5, TimeUnit.SECONDS)).isTrue();
        var waiting = CompletableFuture.supplyAsync(() -> bounded.hash(PASSWORD));
        awaitInProgress(2);

        assertThatThrownBy(() -> bounded.matches(PASSWORD, GatedHasher.HASH))
                .isInstanceOfSatisfying(OverloadedException.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThatThrownBy(bounded::ensureCapacity).isInstanceOf(OverloadedException.class);
        assertThat(meters.counter(BoundedPasswordHasher.REFUSED).count()).isEqualTo(2.0);

        gated.open.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(GatedHasher.HASH);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(GatedHasher.HASH);
        awaitInProgress(0);
        bounded.ensureCapacity();
        assertThat(bounded.matches(PASSWORD, GatedHasher.HASH)).isTrue();
    }

    @Test
    void aFailingHashFreesItsPlaceAndReachesTheCallerAsItself() {
        gated.open.countDown();
        gated.failWith.set(new IllegalArgumentException("not a bcrypt hash"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> bounded.matches(PASSWORD, GatedHasher.HASH))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a bcrypt hash");
        }
        assertThat(bounded.inProgress()).isZero();
    }

    @Test
    void aCallerInterruptedWhileItsHashWaitsDoesNotKeepItsPlace() throws Exception {
        var running = CompletableFuture.supplyAsync(() -> bounded.hash(PASSWORD));
        assertThat(gated.started.await(5, TimeUnit.SECONDS)).isTrue();
        var failure = new AtomicReference<Throwable>();
        var waiter = new Thread(() -> {
            try {
                bounded.hash(PASSWORD);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        waiter.start();
        awaitInProgress(2);

        waiter.interrupt();
        waiter.join(5_000);
        gated.open.countDown();

        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(GatedHasher.HASH);
        awaitInProgress(0);
    }

    @Test
    void onceClosedItRefusesAsWhenFull() {
        bounded.close();

        assertThatThrownBy(() -> bounded.hash(PASSWORD)).isInstanceOf(OverloadedException.class);
        assertThat(bounded.inProgress()).isZero();
    }

    private void awaitInProgress(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gauge() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(gauge()).isEqualTo(expected);
    }

    private double gauge() {
        return meters.get(BoundedPasswordHasher.IN_PROGRESS).gauge().value();
    }

    /** Hashes only once opened, so a test decides how long the hashing threads stay busy. */
    private static final class GatedHasher implements PasswordHasher {
        static final PasswordHash HASH = new PasswordHash("$2a$04$abcdefghijklmnopqrstuuQJx9vKxqkGMNqV3HmkNIXH1wPzFfSFi");

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicReference<String> lastThread = new AtomicReference<>();
        final AtomicReference<RuntimeException> failWith = new AtomicReference<>();

        @Override
        public PasswordHash hash(Password password) {
            pass();
            return HASH;
        }

        @Override
        public boolean matches(Password password, PasswordHash hash) {
            pass();
            return true;
        }

        private void pass() {
            lastThread.set(Thread.currentThread().getName());
            started.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RuntimeException failure = failWith.get();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
