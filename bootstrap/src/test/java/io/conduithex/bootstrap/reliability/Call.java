package io.conduithex.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;

/**
 * One request and what came of it: the status (or, when no answer came at all, the client's failure), the body,
 * the two headers the fault tests judge, and when it started and ended on this JVM's monotonic clock.
 *
 * @param acknowledged for a write answered 2xx, what the client was told is stored: the username, the slug,
 *                     or the comment id; otherwise null
 * @param failure      why no HTTP answer came (connection refused, client timeout); null when one came
 */
record Call(Operation operation, String target, int status, String body, String contentType, String retryAfter,
            long startedNanos, long finishedNanos, String acknowledged, String failure) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final int NO_ANSWER = -1;

    Duration duration() {
        return Duration.ofNanos(finishedNanos - startedNanos);
    }

    boolean answered() {
        return failure == null;
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    boolean startedAtOrAfter(long nanos) {
        return startedNanos - nanos >= 0;
    }

    boolean startedBefore(long nanos) {
        return startedNanos - nanos < 0;
    }

    /** The body as JSON, or null when it is not JSON. */
    JsonNode json() {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return operation + " " + target + " -> " + (answered() ? status + " " + body : "no answer: " + failure)
                + " in " + duration().toMillis() + " ms";
    }
}
