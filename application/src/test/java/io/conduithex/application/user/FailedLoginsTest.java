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
        assertThatCode(() -> failures.ensureAllowed(JAKE, HERE)).doesNotThrowAnyException();

        fail(1);

        assertThatThrownBy(() -> failures.ensureAllowed(JAKE, HERE)).isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void theRefusalLastsUntilTheOldestFailureLeavesTheWindow() {
        fail(1);
        advance(Duration.ofSeconds(20));
        fail(2);

        assertThatThrownBy(() -> failures.ensureAllowed(JAKE, HERE))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40)));
        advance(Duration.ofSeconds(40));
        assertThatCode(() -> failures.ensureAllowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void afterTheWindowAFailureStartsAFreshCount() {
        fail(3);
        advance(Duration.ofSeconds(61));

        fail(1);

        assertThatCode(() -> failures.ensureAllowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void theAccountIsMatchedIgnoringCaseAndTheAddressExactly() {
        fail(3);

        assertThatThrownBy(() -> failures.ensureAllowed(new Email("JAKE@Example.com"), HERE))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> failures.ensureAllowed(JAKE, "198.51.100.8")).doesNotThrowAnyException();
        assertThatCode(() -> failures.ensureAllowed(new Email("jane@example.com"), HERE)).doesNotThrowAnyException();
    }

    @Test
    void aSuccessForgetsThePair() {
        fail(3);

        failures.succeeded(JAKE, HERE);

        assertThatCode(() -> failures.ensureAllowed(JAKE, HERE)).doesNotThrowAnyException();
    }

    @Test
    void theLeastRecentlyUsedPairIsDroppedBeyondTheBound() {
        fail(3);
        for (int i = 0; i < 100; i++) {
            failures.failed(new Email("user" + i + "@example.com"), HERE);
        }

        assertThatCode(() -> failures.ensureAllowed(JAKE, HERE)).doesNotThrowAnyException();
        failures.failed(new Email("user0@example.com"), HERE);
        failures.failed(new Email("user0@example.com"), HERE);
        assertThatThrownBy(() -> failures.ensureAllowed(new Email("user0@example.com"), HERE))
                .as("a pair still within the bound").isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void settingsRefuseANonPositiveLimitOrWindow() {
        assertThatThrownBy(() -> new FailedLogins.Settings(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedLogins.Settings(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            failures.failed(JAKE, HERE);
        }
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
