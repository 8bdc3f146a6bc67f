package io.conduithex.domain.port.security;

import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;

/** One-way password hashing with a per-hash salt. Implementations are thread-safe. */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** Whether {@code password} produced {@code hash}; compares in constant time. */
    boolean matches(Password password, PasswordHash hash);
}
