package io.conduithex.adapter.web;

import java.util.Optional;

/**
 * Whether the admin surface is on, and its bearer token. Without a token every {@code /admin} path answers 404,
 * as if it did not exist.
 */
public final class AdminSettings {
    private final byte[] token;

    private AdminSettings(byte[] token) {
        this.token = token;
    }

    /** The admin surface answers requests bearing {@code token} (UTF-8 bytes). */
    public static AdminSettings withToken(byte[] token) {
        if (token.length == 0) {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        return new AdminSettings(token.clone());
    }

    /** The admin surface is off. */
    public static AdminSettings off() {
        return new AdminSettings(null);
    }

    public static AdminSettings of(Optional<byte[]> token) {
        return token.map(AdminSettings::withToken).orElseGet(AdminSettings::off);
    }

    boolean enabled() {
        return token != null;
    }

    /** A copy: the caller may not change the token. */
    byte[] token() {
        return token.clone();
    }

    @Override
    public String toString() {
        return enabled() ? "AdminSettings[token=****]" : "AdminSettings[off]";
    }
}
