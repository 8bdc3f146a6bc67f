package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import io.javalin.http.HandlerType;
import java.io.EOFException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperTest {
    private final ErrorMapper mapper = new ErrorMapper(1024);

    @Test
    void aValidationFailureIs422WithEveryFieldAndMessage() {
        var errors = FieldErrors.builder().add("email", "is invalid").add("password", "can't be blank")
                .add("password", "is too short").build();

        var error = map(new ValidationException(errors), "/api/users");

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.body("req-1")).isEqualTo(Map.of("errors", Map.of(
                "email", List.of("is invalid"), "password", List.of("can't be blank", "is too short")),
                "requestId", "req-1"));
    }

    @Test
    void wrongCredentialsOnLoginAre401WithTheSpecsMessage() {
        var error = map(new BadCredentialsException(), UserRoutes.LOGIN);

        assertThat(error.status()).isEqualTo(401);
        assertThat(error.errors()).isEqualTo(Map.of("email or password", List.of("is invalid")));
        assertThat(error.headers()).containsEntry("WWW-Authenticate", "Token");
    }

    @Test
    void theAnswerDependsOnTheFailureNeverOnTheRoute() {
        var badCredentials = map(new BadCredentialsException(), "/anywhere");
        var userGone = map(new AuthenticationException("user no longer exists"), UserRoutes.LOGIN);

        assertThat(badCredentials.errors()).isEqualTo(Map.of("email or password", List.of("is invalid")));
        assertThat(badCredentials.headers()).containsEntry("WWW-Authenticate", "Token");
        assertThat(userGone.errors()).isEqualTo(Map.of("token", List.of("is invalid")));
        assertThat(userGone.headers()).containsEntry("WWW-Authenticate", "Token");
    }

    /** Failures a client can correct, each with the status and the errors that tell it what to correct. */
    static Stream<Arguments> failuresNamingWhatToCorrect() {
        return Stream.of(
                arguments(new AuthenticationException("user no longer exists"), UserRoutes.CURRENT_USER,
                        401, Map.of("token", List.of("is invalid"))),
                arguments(new NotFoundException("profile"), ProfileRoutes.PROFILE,
                        404, Map.of("profile", List.of("not found"))),
                arguments(new ForbiddenException("only the author may delete an article"), "/api/articles/{slug}",
                        403, Map.of("forbidden", List.of("only the author may delete an article"))),
                arguments(new BodyTooLargeException(1024), "/api/users",
                        413, Map.of("body", List.of("is too large (maximum is 1024 bytes)"))),
                arguments(new MalformedRequestException("body", "was cut short or badly framed",
                        new EOFException("Early EOF")), "/api/users",
                        400, Map.of("body", List.of("was cut short or badly framed"))));
    }

    @ParameterizedTest(name = "{2} for {0} on {1}")
    @MethodSource("failuresNamingWhatToCorrect")
    void aFailureTheClientCanCorrectIsAnsweredWithItsStatusAndErrors(RuntimeException failure, String route,
                                                                     int status, Map<String, List<String>> errors) {
        var error = map(failure, route);

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.errors()).isEqualTo(errors);
    }

    @Test
    void aMissingOrExpiredTokenIs401SayingWhich() {
        assertThat(map(new TokenRejectedException(TokenRejectedException.Reason.MISSING), "/api/user").errors())
                .isEqualTo(Map.of("token", List.of("is missing")));
        var expired = map(new TokenRejectedException(TokenRejectedException.Reason.EXPIRED), "/api/user");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errors()).isEqualTo(Map.of("token", List.of("has expired")));
    }

    @Test
    void databaseTroubleTheClientCanWaitOutIs503WithRetryAfter() {
        var cause = new SQLException("connection refused to db.internal:5432 as admin");
        for (RuntimeException failure : List.of(
                new TransientPersistenceException(TransientPersistenceException.Cause.DEADLOCK, "deadlock", cause),
                new DatabaseUnavailableException(DatabaseUnavailableException.Reason.POOL_EXHAUSTED, "pool", cause),
                new QueryTimeoutException("statement timeout", cause),
                new CommitOutcomeUnknownException("commit failed", cause))) {
            var error = map(failure, "/api/users");

            assertThat(error.status()).as(failure.getClass().getSimpleName()).isEqualTo(503);
            assertThat(error.headers()).containsEntry("Retry-After", "1");
            assertThat(error.errors()).containsOnlyKeys("database");
            assertThat(error.body("req-1").toString()).doesNotContain("db.internal", "admin", "deadlock");
        }
    }

    @Test
    void tooManyFailedLoginsIs429WithRetryAfterInWholeSecondsRoundedUp() {
        var error = map(new TooManyAttemptsException(Duration.ofMillis(2_100)), UserRoutes.LOGIN);

        assertThat(error.status()).isEqualTo(429);
        assertThat(error.errors()).isEqualTo(Map.of("login", List.of("failed too often from this address, "
                + "try again later")));
        assertThat(error.headers()).containsEntry("Retry-After", "3");
        assertThat(map(new TooManyAttemptsException(Duration.ofMillis(10)), UserRoutes.LOGIN).headers())
                .containsEntry("Retry-After", "1");
    }

    @Test
    void hashingAtCapacityIs503NamingTheServerNotTheDatabase() {
        var error = map(new OverloadedException("password hashing", Duration.ofSeconds(1)), UserRoutes.LOGIN);

        assertThat(error.status()).isEqualTo(503);
        assertThat(error.errors()).isEqualTo(Map.of("server", List.of("is busy: password hashing is at capacity, "
                + "try again shortly")));
        assertThat(error.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void aConstraintViolationNobodyTranslatedIs409WithoutDatabaseDetails() {
        var violation = new ConstraintViolationException(ConstraintViolationException.Kind.FOREIGN_KEY,
                "follows_followee_fk", "follows", "followee_id", "insert into follows ... violates", null);

        var error = map(violation, ProfileRoutes.FOLLOW);

        assertThat(error.status()).isEqualTo(409);
        assertThat(error.body("req-1").toString()).doesNotContain("follows_followee_fk", "insert into");
    }

    @Test
    void anythingElseIs500WithAnOpaqueErrorIdAndNoDetails() {
        var error = map(new UnexpectedPersistenceException("syntax error near SELEKT password_hash", null),
                "/api/users");

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.errors()).containsOnlyKeys("server");
        assertThat(error.errors().get("server").get(0))
                .matches("unexpected error, id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(map(new IllegalStateException("boom"), "/api/user").status()).isEqualTo(500);
    }

    @Test
    void twoUnexpectedErrorsGetDifferentIds() {
        assertThat(map(new IllegalStateException("a"), "/x").errors())
                .isNotEqualTo(map(new IllegalStateException("a"), "/x").errors());
    }

    @Test
    void theIdOfA500IsTheRequestIdItIsGivenAndTheBodyNamesItToo() {
        var error = mapper.map(new IllegalStateException("boom"), "GET", "/api/user", "trace-7");

        assertThat(error.errors()).isEqualTo(Map.of("server", List.of("unexpected error, id trace-7")));
        assertThat(error.body("trace-7")).containsEntry("requestId", "trace-7");
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethodIs405WithAllow() {
        var notFound = map(new EndpointNotFound(HandlerType.GET, "/api/nope"), "/api/nope");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.errors()).isEqualTo(Map.of("route", List.of("not found")));

        var wrongMethod = map(new MethodNotAllowedResponse("Method not allowed",
                Map.of("availableMethods", "GET, PUT")), "/api/user");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers()).containsEntry("Allow", "GET, PUT");
    }

    private ApiError map(RuntimeException failure, String route) {
        // A fresh id per call, as each request has its own.
        return mapper.map(failure, "POST", route, UUID.randomUUID().toString());
    }
}
