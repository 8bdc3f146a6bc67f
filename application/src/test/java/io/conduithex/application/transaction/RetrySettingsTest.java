package io.conduithex.application.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetrySettingsTest {

    private static final Duration MS_1 = Duration.ofMillis(1);
    private static final Duration MS_5 = Duration.ofMillis(5);
    private static final Duration S_1 = Duration.ofSeconds(1);

    @Test
    void consistentSettingsAreAccepted() {
        var settings = new RetrySettings(0, MS_1, MS_5, 0.0, S_1);

        assertThat(settings.withMaxRetries(7).maxRetries()).isEqualTo(7);
        assertThat(new RetrySettings(3, MS_1, MS_5, 1.0, S_1).jitterFactor()).isEqualTo(1.0);
        assertThat(RetrySettings.DEFAULTS.maxRetries()).isEqualTo(3);
    }

    @Test
    void negativeRetriesAreRejected() {
        assertRefusedNaming(() -> new RetrySettings(-1, MS_1, MS_5, 0.5, S_1), "maxRetries");
        assertThatThrownBy(() -> RetrySettings.DEFAULTS.withMaxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroOrNegativeInitialDelayIsRejected() {
        assertRefusedNaming(() -> new RetrySettings(3, Duration.ZERO, MS_5, 0.5, S_1), "initialDelay");
        assertRefusedNaming(() -> new RetrySettings(3, MS_1.negated(), MS_5, 0.5, S_1), "initialDelay");
    }

    @Test
    void aMaxDelayNotAboveTheInitialDelayIsRejected() {
        assertRefusedNaming(() -> new RetrySettings(3, MS_5, MS_5, 0.5, S_1), "maxDelay");
        assertRefusedNaming(() -> new RetrySettings(3, MS_5, MS_1, 0.5, S_1), "maxDelay");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aJitterOutsideZeroToOneIsRejected(double jitter) {
        assertRefusedNaming(() -> new RetrySettings(3, MS_1, MS_5, jitter, S_1), "jitterFactor");
    }

    @Test
    void aTotalDurationNotAboveTheMaxDelayIsRejected() {
        assertRefusedNaming(() -> new RetrySettings(3, MS_1, MS_5, 0.5, MS_5), "maxTotalDuration");
        assertRefusedNaming(() -> new RetrySettings(3, MS_1, MS_5, 0.5, MS_1), "maxTotalDuration");
    }

    @Test
    void missingDurationsAreRejected() {
        assertThatThrownBy(() -> new RetrySettings(3, null, MS_5, 0.5, S_1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RetrySettings(3, MS_1, null, 0.5, S_1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RetrySettings(3, MS_1, MS_5, 0.5, null)).isInstanceOf(NullPointerException.class);
    }

    /** Building the settings fails with an IllegalArgumentException that names {@code setting}. */
    private static void assertRefusedNaming(ThrowingCallable building, String setting) {
        assertThatThrownBy(building).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(setting);
    }
}
