package io.conduithex.adapter.web;

import io.conduithex.application.idempotency.KeyReusedException;
import io.conduithex.application.idempotency.KeyInUseException;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.failure.BadCredentialsException;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.ForbiddenException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.failure.OverloadedException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TooManyAttemptsException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.validation.ValidationException;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure that reaches the web into an API error, in one place. Expected rejections keep their
 * meaning (422, 401, 403, 404, 429); trouble the client can wait out (a database that is away, work the server
 * has no room for) is 503 with {@code Retry-After};
 * anything else is a bug: 500 with an opaque error id, and the stack trace under that id in the log. The error
 * id is the request id (X-Request-Id, the {@code requestId} of every error body, and in every log line of the
 * request), so one id finds everything.
 * Messages of persistence failures may contain SQL and values, so they are logged, never sent.
 */
final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    static final int RETRY_AFTER_SECONDS = 1;
    static final String WWW_AUTHENTICATE = "Token";

    private final long maxBodyBytes;

    ErrorMapper(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param failure what went wrong
     * @param method  the request method, for the log
     * @param route   the matched route template (such as {@code /api/profiles/{username}}), or the raw path when
     *                none matched; for the log only, the answer depends on the failure alone
     * @param requestId the request's id (its X-Request-Id), named in a 500's message and logged with the trace
     */
    ApiError map(Throwable failure, String method, String route, String requestId) {
        if (failure instanceof ValidationException invalid) {
            return new ApiError(422, invalid.errors().asMap(), Map.of());
        }
        if (failure instanceof TokenRejectedException rejected) {
            return unauthorized("token", rejected.reason().message());
        }
        if (failure instanceof BadCredentialsException) {
            return unauthorized("email or password", "is invalid");
        }
        if (failure instanceof AuthenticationException) {
            // The token was valid, but the user it names no longer exists.
            return unauthorized("token", "is invalid");
        }
        if (failure instanceof NotFoundException notFound) {
            return ApiError.of(404, notFound.resource(), "not found");
        }
        if (failure instanceof ForbiddenException forbidden) {
            return ApiError.of(403, "forbidden", forbidden.getMessage());
        }
        if (failure instanceof BodyTooLargeException) {
            return tooLarge();
        }
        if (failure instanceof MalformedRequestException malformed) {
            return ApiError.of(400, malformed.field(), malformed.getMessage());
        }
        if (failure instanceof KeyReusedException) {
            return ApiError.of(422, KeyedWrites.HEADER, "was already used for a different request");
        }
        if (failure instanceof KeyInUseException) {
            return ApiError.of(409, KeyedWrites.HEADER,
                    "is in use by another request, not yet committed: try again shortly")
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        if (failure instanceof TooManyAttemptsException tooMany) {
            return ApiError.of(429, "login", "failed too often from this address, try again later")
                    .withHeader("Retry-After", seconds(tooMany.retryAfter()));
        }
        if (failure instanceof OverloadedException overloaded) {
            // Not logged: refusals come in bursts, and conduit.password.hashing.refused counts them.
            return ApiError.of(503, "server", "is busy: " + overloaded.what() + " is at capacity, try again shortly")
                    .withHeader("Retry-After", seconds(overloaded.retryAfter()));
        }
        if (failure instanceof TransientPersistenceException
                || failure instanceof DatabaseUnavailableException) {
            log.warn("{} {} failed: database unavailable ({}): {}", method, route, reasonOf(failure),
                    failure.getMessage());
            return unavailable("is unavailable, try again later");
        }
        if (failure instanceof QueryTimeoutException) {
            log.warn("{} {} failed: query timed out: {}", method, route, failure.toString());
            return unavailable("took too long to answer, try again later");
        }
        if (failure instanceof CommitOutcomeUnknownException) {
            // The unit of work has logged the operator's ERROR line with the transaction's id; this is the request's.
            log.warn("{} {} failed: commit outcome unknown: {}", method, route, failure.getMessage());
            return unavailable("lost the connection while saving: the change may or may not have been stored");
        }
        if (failure instanceof ConstraintViolationException violation) {
            // The use cases translate the violations they expect; one that gets here was not foreseen.
            log.warn("{} {} failed: unhandled {} constraint violation on {}.{} ({})", method, route,
                    violation.kind(), violation.table().orElse("?"), violation.column().orElse("?"),
                    violation.constraint().orElse("unnamed"), violation);
            return ApiError.of(409, "request", "conflicts with the current state of the data");
        }
        if (failure instanceof HttpResponseException http) {
            return fromJavalin(http);
        }
        log.error("{} {} failed with an unexpected error, id {}", method, route, requestId, failure);
        return ApiError.of(500, "server", "unexpected error, id " + requestId);
    }

    /** Responses Javalin itself decided on: no route, wrong method, a body over its limit. */
    private ApiError fromJavalin(HttpResponseException http) {
        int status = http.getStatus();
        switch (status) {
            case 404:
                return ApiError.of(404, "route", "not found");
            case 405: {
                var error = ApiError.of(405, "method", "is not allowed on this route");
                String allowed = http.getDetails().get("availableMethods");
                return allowed == null ? error : error.withHeader("Allow", allowed);
            }
            case 413:
                return tooLarge();
            default:
                return ApiError.of(status, "request", http.getMessage() == null ? "was rejected" : http.getMessage());
        }
    }

    /** The application has not finished starting (or lost its database at start): come back shortly. */
    static ApiError notReady(String reason) {
        return ApiError.of(503, "server", "is not ready yet: " + reason)
                .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    /** Whole seconds, rounded up, at least one: what Retry-After carries. */
    private static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    private static String reasonOf(Throwable failure) {
        if (failure instanceof DatabaseUnavailableException unavailable) {
            return unavailable.reason().name();
        }
        return ((TransientPersistenceException) failure).reason().name();
    }

    private ApiError tooLarge() {
        return ApiError.of(413, "body", "is too large (maximum is " + maxBodyBytes + " bytes)");
    }

    private static ApiError unauthorized(String field, String message) {
        return ApiError.of(401, field, message).withHeader("WWW-Authenticate", WWW_AUTHENTICATE);
    }

    private static ApiError unavailable(String message) {
        return ApiError.of(503, "database", message).withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
}
