package io.conduithex.adapter.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Javalin decodes query parameters leniently: a parameter whose percent-encoding is broken is silently
 * dropped, so {@code ?limit=%} would be served as if no limit had been asked for. Such a query string is
 * refused before any route sees it.
 */
final class QueryStrings {
    static final String MALFORMED = "is not valid percent-encoding";

    private QueryStrings() {
    }

    /** @throws MalformedRequestException when {@code raw} (the query string as sent, or null) does not decode */
    static void requireWellFormed(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return;
        }
        try {
            URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("query", MALFORMED, null);
        }
    }
}
