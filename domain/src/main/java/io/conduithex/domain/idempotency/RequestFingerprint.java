package io.conduithex.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What makes two requests with one key "the same request": a SHA-256 of the method, the path and the body's
 * bytes. A retry sends the same bytes; anything else under the same key is a client's mistake.
 */
public record RequestFingerprint(String sha256) {

    public RequestFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    public static RequestFingerprint of(String method, String path, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            // The NUL separators keep ("POST", "/a", "b") apart from ("POST", "/ab", "").
            digest.update((method + '\0' + path + '\0').getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return new RequestFingerprint(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
