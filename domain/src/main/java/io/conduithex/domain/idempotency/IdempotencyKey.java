package io.conduithex.domain.idempotency;

import io.conduithex.domain.validation.InvalidValueException;
import java.util.Objects;

/**
 * The value of a request's {@code Idempotency-Key} header: 1 to 255 printable ASCII characters (space to tilde),
 * chosen by the client, compared exactly. The draft of the IETF httpapi working group leaves its form to the
 * server; this one is wide enough for a UUID, a ULID or a client's own composite key.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidValueException("must be printable ASCII characters only");
            }
        }
    }
}
