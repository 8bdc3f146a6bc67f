package io.conduithex.domain.idempotency;

import java.util.Arrays;
import java.util.Objects;

/** The response a keyed write gave, kept to be sent again byte for byte. */
public record StoredResponse(int status, String contentType, byte[] body) {

    public StoredResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Only what succeeded is kept: a failed request may be sent again and run. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResponse that && status == that.status
                && contentType.equals(that.contentType) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
