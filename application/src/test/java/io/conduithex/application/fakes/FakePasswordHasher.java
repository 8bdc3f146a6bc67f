package io.conduithex.application.fakes;

import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;

/** A readable, reversible stand-in for bcrypt: the hash of {@code p} is {@code "hashed:" + p}. */
public final class FakePasswordHasher implements PasswordHasher {
    public static final String PREFIX = "hashed:";

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash(PREFIX + password.reveal());
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        return hash.value().equals(PREFIX + password.reveal());
    }
}
