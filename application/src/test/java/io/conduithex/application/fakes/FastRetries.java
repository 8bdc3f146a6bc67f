package io.conduithex.application.fakes;

import io.conduithex.application.transaction.RetrySettings;
import java.time.Duration;

/** Retry settings with millisecond delays, so retrying tests stay fast. */
public final class FastRetries {
    public static final RetrySettings SETTINGS =
            new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5), 0.5, Duration.ofSeconds(10));

    private FastRetries() {
    }
}
