package io.conduithex.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} against the admin token, the header spelled as
 * {@link AuthorizationHeader} reads it (any other scheme is no admin token). The comparison takes the same time
 * whatever the given token shares with the real one: both are hashed, then compared with
 * {@link MessageDigest#isEqual}, so neither content nor length leaks through timing. Thread-safe.
 */
final class AdminAuthorization {
    private static final String SCHEME = "Bearer";

    enum Verdict { GRANTED, MISSING, WRONG }

    private final byte[] expectedDigest;

    AdminAuthorization(byte[] token) {
        this.expectedDigest = sha256(token);
    }

    Verdict check(String authorizationHeader) {
        var given = AuthorizationHeader.parse(authorizationHeader).flatMap(header -> header.credentialsUnder(SCHEME));
        if (given.isEmpty()) {
            return Verdict.MISSING;
        }
        byte[] givenDigest = sha256(given.get().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expectedDigest, givenDigest) ? Verdict.GRANTED : Verdict.WRONG;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
