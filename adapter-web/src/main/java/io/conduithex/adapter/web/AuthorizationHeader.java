package io.conduithex.adapter.web;

import java.util.Optional;

/**
 * An {@code Authorization} header value, read one way for the API's tokens and for the admin token alike: a
 * scheme, matched whatever its case, then whitespace (any run of spaces or tabs), then the credentials.
 * Whitespace around the whole value is ignored; whitespace inside the credentials is kept, so a token with a
 * space in it is a wrong token, not a different spelling of a right one. Which schemes a route accepts, and
 * what it says about a header it cannot use, is the route's business.
 *
 * @param scheme      the first word, as sent
 * @param credentials what follows the scheme; empty when the value is a single word
 */
record AuthorizationHeader(String scheme, String credentials) {
    static final String NAME = "Authorization";

    /** The header's parts; empty when the header is absent or blank. */
    static Optional<AuthorizationHeader> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\s+", 2);
        return Optional.of(new AuthorizationHeader(parts[0], parts.length == 2 ? parts[1].strip() : ""));
    }

    /** The credentials, when the scheme is one of {@code schemes} (whatever the case) and credentials follow it. */
    Optional<String> credentialsUnder(String... schemes) {
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        for (String accepted : schemes) {
            if (scheme.equalsIgnoreCase(accepted)) {
                return Optional.of(credentials);
            }
        }
        return Optional.empty();
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "AuthorizationHeader[scheme=" + scheme + "]";
    }
}
