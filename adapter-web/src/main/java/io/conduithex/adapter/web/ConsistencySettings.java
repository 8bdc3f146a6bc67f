package io.conduithex.adapter.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether reads may lag behind writes (replicas are configured), and what the consistency tokens need then.
 *
 * @param replicated whether reads may run on replicas; without them no token is issued or read
 * @param secret     signs the tokens; the same on every instance that shares the database
 * @param lagBound   how far behind a serving replica may be: how long a write is remembered per user, and how long
 *                   the token's cookie lives
 */
public record ConsistencySettings(boolean replicated, byte[] secret, Duration lagBound) {
    public static final ConsistencySettings UNREPLICATED =
            new ConsistencySettings(false, new byte[32], Duration.ofSeconds(1));

    public ConsistencySettings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(lagBound, "lagBound");
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "ConsistencySettings[replicated=" + replicated + ", lagBound=" + lagBound + "]";
    }
}
