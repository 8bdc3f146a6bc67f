package io.conduithex.adapter.web;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import io.conduithex.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Issues and checks the API's bearer tokens: JWTs signed with HS256, whose subject is the user id, with
 * issued-at and expiry. Thread-safe. The secret is never logged; {@link #toString()} does not show it.
 */
public final class TokenService {
    /** HS256 wants a key at least as long as its hash: 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    static final String ISSUER = "conduit-hex";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public TokenService(byte[] secret, Duration lifetime) {
        this(secret, lifetime, Clock.systemUTC());
    }

    /**
     * @param secret   HMAC key, at least {@value #MIN_SECRET_BYTES} bytes; copied
     * @param lifetime how long an issued token stays valid
     * @param clock    the time tokens are issued and checked at
     */
    public TokenService(byte[] secret, Duration lifetime, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, was " + lifetime);
        }
        this.lifetime = lifetime;
        this.algorithm = Algorithm.HMAC256(secret.clone());
        var verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence("sub")
                .withClaimPresence("exp")
                .withClaimPresence("iat");
        this.verifier = verification.build(clock);
    }

    /** Convenience for a secret given as text: its UTF-8 bytes are the key. */
    public static TokenService withSecret(String secret, Duration lifetime) {
        return new TokenService(secret.getBytes(StandardCharsets.UTF_8), lifetime);
    }

    public String issue(UserId user) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(Long.toString(user.value()))
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .sign(algorithm);
    }

    /**
     * The user a token names.
     *
     * @throws TokenRejectedException when the token is garbage, tampered with, signed with another secret,
     *                                or expired
     */
    public UserId verify(String token) {
        try {
            var decoded = verifier.verify(token);
            return new UserId(Long.parseLong(decoded.getSubject()));
        } catch (TokenExpiredException e) {
            throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED);
        } catch (JWTVerificationException | IllegalArgumentException e) {
            // IllegalArgumentException covers a subject that is not a positive number.
            throw new TokenRejectedException(TokenRejectedException.Reason.INVALID);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public String toString() {
        return "TokenService[HS256, lifetime=" + lifetime + "]";
    }
}
