package io.conduithex.application.fakes;

import io.conduithex.domain.failure.OverloadedException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A readable, reversible stand-in for bcrypt: the hash of {@code p} is {@code "hashed:" + p}. It counts the
 * passwords it checked, and can be told to be at capacity.
 */
public final class FakePasswordHasher implements PasswordHasher {
    public static final String PREFIX = "hashed:";

    private final AtomicInteger checks = new AtomicInteger();
    private volatile boolean refusing;

    @Override
    public PasswordHash hash(Password password) {
        ensureCapacity();
        return new PasswordHash(PREFIX + password.reveal());
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        ensureCapacity();
        checks.incrementAndGet();
        return hash.value().equals(PREFIX + password.reveal());
    }

    @Override
    public void ensureCapacity() {
        if (refusing) {
            throw new OverloadedException("password hashing", Duration.ofSeconds(1));
        }
    }

    /** From now on, every hash is refused as if hashing were at capacity. */
    public void refuseAll() {
        refusing = true;
    }

    /** Hashing has capacity again. */
    public void acceptAll() {
        refusing = false;
    }

    public int checks() {
        return checks.get();
    }
}
