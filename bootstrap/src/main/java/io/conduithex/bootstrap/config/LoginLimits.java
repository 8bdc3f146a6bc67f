package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.LOGIN_FAILURE_LIMIT;
import static io.conduithex.bootstrap.config.Setting.LOGIN_FAILURE_WINDOW_MS;
import static io.conduithex.bootstrap.config.Setting.PASSWORD_HASH_THREADS;
import static io.conduithex.bootstrap.config.Setting.PASSWORD_HASH_WAITING;

import io.conduithex.application.user.FailedLogins;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How much password hashing runs at once and may wait, and how many failed logins an account and address pair
 * may have in a window.
 */
public record LoginLimits(int hashThreads, int hashWaiting, FailedLogins.Settings failures) {
    public static final int DEFAULT_HASH_WAITING = 2;
    public static final int DEFAULT_FAILURE_LIMIT = 5;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(5);

    public LoginLimits {
        Objects.requireNonNull(failures, "failures");
    }

    static LoginLimits read(ConfigReader read) {
        return new LoginLimits(read.integer(PASSWORD_HASH_THREADS), read.integer(PASSWORD_HASH_WAITING),
                new FailedLogins.Settings(read.integer(LOGIN_FAILURE_LIMIT), read.millis(LOGIN_FAILURE_WINDOW_MS)));
    }

    void describe(Map<Setting, Object> into) {
        into.put(PASSWORD_HASH_THREADS, hashThreads);
        into.put(PASSWORD_HASH_WAITING, hashWaiting);
        into.put(LOGIN_FAILURE_LIMIT, failures.limit());
        into.put(LOGIN_FAILURE_WINDOW_MS, failures.window().toMillis());
    }

    /**
     * Half the CPUs, at least one: a burst of logins then takes at most half the machine, and every other request
     * keeps the rest.
     */
    public static int defaultHashThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
