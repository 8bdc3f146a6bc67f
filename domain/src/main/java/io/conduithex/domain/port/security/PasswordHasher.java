package io.conduithex.domain.port.security;

import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;

/**
 * One-way password hashing with a per-hash salt. Implementations are thread-safe. Hashing is deliberately slow,
 * so an implementation may bound how much of it runs at once: beyond that, {@link #hash} and {@link #matches}
 * throw {@link io.conduithex.domain.failure.OverloadedException} at once instead of waiting.
 */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** Whether {@code password} produced {@code hash}; compares in constant time. */
    boolean matches(Password password, PasswordHash hash);

    /**
     * Throws {@link io.conduithex.domain.failure.OverloadedException} when a hash started now would be refused,
     * so that a caller can refuse before doing other work for it. A hint: the hash itself may still be refused.
     */
    default void ensureCapacity() {
    }
}
