package io.conduithex.domain.user;

import io.conduithex.domain.validation.InvalidValueException;
import io.conduithex.domain.validation.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http(s) URL of a user's picture. */
public record ImageUrl(String value) {
    public static final int MAX_LENGTH = 2048;

    public ImageUrl {
        value = Text.required(value, MAX_LENGTH);
        if (!isHttpUrl(value)) {
            throw new InvalidValueException("must be an http or https URL");
        }
    }

    private static boolean isHttpUrl(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
