package io.conduithex.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the position of a client's newest write so that any instance sharing the secret can trust it: a token is
 * {@code base64url(position) "." base64url(HMAC-SHA256(secret, position))}. It names a place in the primary's
 * log, nothing about the client, so it needs no expiry: an old one asks for data every replica already has.
 * Thread-safe.
 */
final class ConsistencyTokens {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TOKEN_CHARS = 200;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    ConsistencyTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    String sign(String position) {
        byte[] text = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(text) + "." + ENCODER.encodeToString(mac(text));
    }

    /** The position a token signed with this secret names; empty for anything else (forged, foreign, garbage). */
    Optional<String> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] text = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(mac(text), signature)
                    ? Optional.of(new String(text, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
