package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What the fault tests insist on about the requests they made, each failure naming the offending requests. */
final class CallAssertions {

    /**
     * Added to every duration bound for what the test itself adds to a request's time: the HTTP round trip on
     * loopback, JSON, thread scheduling on a busy two-core machine. Small against the timeouts it pads.
     */
    static final Duration MEASURING_SLACK = Duration.ofMillis(500);

    /** The message of a 503 for a write whose COMMIT lost its answer and whose outcome nobody could learn. */
    static final String OUTCOME_UNKNOWN = "lost the connection while saving: the change may or may not have been stored";

    private CallAssertions() {
    }

    /** Every request got an HTTP answer: none was refused, reset or left hanging past the client's timeout. */
    static void assertAllAnswered(Collection<Call> calls) {
        assertThat(calls).as("requests without an HTTP answer").filteredOn(call -> !call.answered()).isEmpty();
    }

    /** No answer was a 500, or any 5xx other than 503: database trouble is never reported as a bug. */
    static void assertNoServerErrors(Collection<Call> calls) {
        assertThat(calls).as("requests answered with a server error other than 503")
                .filteredOn(call -> call.status() >= 500 && call.status() != 503).isEmpty();
    }

    static void assertStatusesWithin(Collection<Call> calls, Set<Integer> allowed) {
        assertThat(calls).as("requests answered with a status outside %s", allowed)
                .filteredOn(call -> !allowed.contains(call.status())).isEmpty();
    }

    /** Every 503 is the API's JSON error about the database, with a Retry-After of a positive number of seconds. */
    static void assertUnavailableAnswersAreJsonWithRetryAfter(Collection<Call> calls) {
        assertThat(calls).as("503 answers that are not JSON about the database with Retry-After")
                .filteredOn(call -> call.status() == 503 && !isJsonUnavailable(call)).isEmpty();
    }

    static void assertNoneLongerThan(Collection<Call> calls, Duration bound) {
        assertThat(calls).as("requests that took longer than %d ms", bound.toMillis())
                .filteredOn(call -> call.duration().compareTo(bound) > 0).isEmpty();
    }

    /**
     * What a load must see while the database misbehaves: every call answered within {@code bound}, never with a
     * 500, only with a success or a JSON 503 that says when to retry.
     */
    static void assertFailedFastOrSucceeded(Collection<Call> calls, Duration bound) {
        assertAllAnswered(calls);
        assertNoServerErrors(calls);
        assertStatusesWithin(calls, Set.of(200, 201, 503));
        assertUnavailableAnswersAreJsonWithRetryAfter(calls);
        assertNoneLongerThan(calls, bound);
    }

    static void assertAllSucceeded(Collection<Call> calls) {
        assertThat(calls).as("requests that did not succeed").filteredOn(call -> !call.succeeded()).isEmpty();
    }

    /** A 503 whose JSON says the database is unavailable (pool exhausted, cannot connect, retries exhausted). */
    static void assertUnavailable(Call call) {
        assertThat(isJsonUnavailable(call)).as("503 JSON with Retry-After: %s", call).isTrue();
        assertThat(messages(call)).as("%s", call).containsExactly("is unavailable, try again later");
    }

    /** A 503 whose JSON says the database took too long (a statement or socket timeout). */
    static void assertTimedOut(Call call) {
        assertThat(isJsonUnavailable(call)).as("503 JSON with Retry-After: %s", call).isTrue();
        assertThat(messages(call)).as("%s", call).containsExactly("took too long to answer, try again later");
    }

    /**
     * Every request succeeded, but for writes answered 503 that they may or may not have been stored: what a server
     * that cannot be asked about a lost COMMIT (MariaDB) answers when a write's session dies inside COMMIT.
     */
    static void assertAllSucceededButWritesOfUnknownOutcome(Collection<Call> calls) {
        assertThat(calls).as("requests that neither succeeded nor were writes of unknown outcome")
                .filteredOn(call -> !call.succeeded() && !(call.operation().isWrite() && isOutcomeUnknown(call)))
                .isEmpty();
    }

    /** A 503 whose JSON says the connection was lost during COMMIT: the write may or may not have been stored. */
    static void assertOutcomeUnknown(Call call) {
        assertThat(isOutcomeUnknown(call)).as("503 JSON with Retry-After, outcome unknown: %s", call).isTrue();
    }

    static boolean isOutcomeUnknown(Call call) {
        return isJsonUnavailable(call) && messages(call).equals(List.of(OUTCOME_UNKNOWN));
    }

    static boolean isTimeout(Call call) {
        return call.status() == 503 && messages(call).equals(List.of("took too long to answer, try again later"));
    }

    static boolean isJsonUnavailable(Call call) {
        if (call.status() != 503 || call.contentType() == null || !call.contentType().startsWith("application/json")) {
            return false;
        }
        if (call.retryAfter() == null || !call.retryAfter().matches("[1-9][0-9]*")) {
            return false;
        }
        return !messages(call).isEmpty();
    }

    /** The messages under {@code errors.database} of an API error, or none. */
    static List<String> messages(Call call) {
        JsonNode json = call.json();
        if (json == null || !json.at("/errors/database").isArray()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        json.at("/errors/database").forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
