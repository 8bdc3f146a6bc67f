package io.conduithex.bootstrap.security;

import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt ({@code $2y$}, OpenBSD format) with a fresh 16-byte salt per hash, through BouncyCastle. The cost
 * is an exponent: each step doubles the work. Thread-safe.
 */
public final class BCryptPasswordHasher implements PasswordHasher {
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;

    private final int cost;
    private final SecureRandom random = new SecureRandom();

    public BCryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be within [" + MIN_COST + ", " + MAX_COST
                    + "], was " + cost);
        }
        this.cost = cost;
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordHash(OpenBSDBCrypt.generate(password.reveal().toCharArray(), salt, cost));
    }

    /**
     * Compares in constant time. bcrypt reads only the first 72 bytes of a password, so a longer one (which
     * registration refuses) never matches, rather than matching a stored password that is its prefix.
     */
    @Override
    public boolean matches(Password password, PasswordHash hash) {
        boolean same = OpenBSDBCrypt.checkPassword(hash.value(), password.reveal().toCharArray());
        return same && password.reveal().getBytes(StandardCharsets.UTF_8).length <= Password.MAX_BYTES;
    }

    public int cost() {
        return cost;
    }
}
