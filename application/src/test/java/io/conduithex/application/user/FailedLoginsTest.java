package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.TooManyAttemptsException;
import io.conduithex.domain.user.Email;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {
    private static final Email JAKE = new Email("jake@example.com");
    private static final String HERE = "198.51.100.7";

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FailedLogins failures = new FailedLogins(new FailedLogins.Settings(3, Duration.ofSeconds(60)),
            now::get, 100);

    @Test
    void theLimitIsReachedWithinTheWindow() {
        fail(2);
        assertThatCode(() -> allowed(JAKE, HERE)).doesNotThrowAnyException();

        fail(1);

        assertThatThrownBy(() -> allowed(JAKE, HERE)).isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void theRefusalLastsUntilTheOldestFailureLeavesTheWindow() {
        fail(1);
        advance(Duration.ofSeconds(20));
        fail(2);

        assertThatThrownBy(() -> allowed(JAKE, HERE))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40)));
        advance(Duration.ofSeconds(40));
        assertThatCode(() -> allowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void afterTheWindowAFailureStartsAFreshCount() {
        fail(3);
        advance(Duration.ofSeconds(61));

        fail(1);

        assertThatCode(() -> allowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void theAccountIsMatchedIgnoringCaseAndTheAddressExactly() {
        fail(3);

        assertThatThrownBy(() -> allowed(new Email("JAKE@Example.com"), HERE))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> allowed(JAKE, "198.51.100.8")).doesNotThrowAnyException();
        assertThatCode(() -> allowed(new Email("jane@example.com"), HERE)).doesNotThrowAnyException();
    }

    @Test
    void aSuccessForgetsThePair() {
        fail(2);
        failures.attempt(JAKE, HERE).succeeded();

        fail(2);

        assertThatCode(() -> allowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void theLeastRecentlyUsedPairIsDroppedBeyondTheBound() {
        var first = new Email("first@example.com");
        fail(3);
        fail(3, first);
        assertThatThrownBy(() -> allowed(JAKE, HERE)).as("jake, used after first")
                .isInstanceOf(TooManyAttemptsException.class);

        for (int i = 0; i < 99; i++) {
            failures.attempt(new Email("user" + i + "@example.com"), HERE);
        }

        assertThatThrownBy(() -> allowed(JAKE, HERE)).as("a pair used more recently, kept")
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> allowed(first, HERE)).as("the least recently used pair, dropped")
                .doesNotThrowAnyException();
    }

    @Test
    void attemptsStillBeingCheckedCountAlready() {
        for (int i = 0; i < 3; i++) {
            failures.attempt(JAKE, HERE);
        }

        assertThatThrownBy(() -> failures.attempt(JAKE, HERE)).isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void aWithdrawnAttemptDoesNotCount() {
        fail(2);
        failures.attempt(JAKE, HERE).withdraw();
        failures.attempt(JAKE, HERE).withdraw();

        assertThatCode(() -> allowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void settingsRefuseANonPositiveLimitOrWindow() {
        assertThatThrownBy(() -> new FailedLogins.Settings(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedLogins.Settings(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Attempts that end in failure: never withdrawn nor succeeded. */
    private void fail(int times) {
        fail(times, JAKE);
    }

    private void fail(int times, Email email) {
        for (int i = 0; i < times; i++) {
            failures.attempt(email, HERE);
        }
    }

    /** Whether an attempt would be let through now, without counting it. */
    private void allowed(Email email, String address) {
        failures.attempt(email, address).withdraw();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
