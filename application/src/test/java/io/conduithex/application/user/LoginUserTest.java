package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.BadCredentialsException;
import io.conduithex.domain.failure.OverloadedException;
import io.conduithex.domain.failure.TooManyAttemptsException;
import io.conduithex.domain.validation.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private static final String HERE = "198.51.100.7";
    private static final String ELSEWHERE = "203.0.113.9";

    private static final int LIMIT = 3;

    private final FailedLogins failures = new FailedLogins(new FailedLogins.Settings(LIMIT, Duration.ofMinutes(5)));
    private final LoginUser loginUser = new LoginUser(conduit.transactions, conduit.hasher, failures);

    @Test
    void theRightPasswordLogsTheUserIn() {
        var jake = conduit.givenUser("jake");

        var loggedIn = loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE);

        assertThat(loggedIn).isEqualTo(jake);
    }

    @Test
    void theEmailIsMatchedIgnoringCase() {
        var jake = conduit.givenUser("jake");

        assertThat(loginUser.login(LoginCommand.of("Jake@EXAMPLE.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isEqualTo(jake);
    }

    @Test
    void aWrongPasswordIsRejected() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "wrong-password"), HERE))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("email or password is invalid");
    }

    @Test
    void anUnknownEmailIsRejectedWithTheSameAnswer() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("nobody@example.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("email or password is invalid");
    }

    @Test
    void theDecoyPasswordDoesNotOpenAnUnknownAccount() {
        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("nobody@example.com", "decoy-password-never-matches"), HERE))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aShortPasswordIsStillCheckedAtLogin() {
        assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "short"), HERE))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void afterTheLimitOfFailuresFromOneAddressEvenTheRightPasswordIsRefusedUntried() {
        conduit.givenUser("jake");
        failTimes(3, "jake@example.com", HERE);
        int hashesBefore = conduit.hasher.checks();

        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(conduit.hasher.checks()).as("password checks").isEqualTo(hashesBefore);
    }

    @Test
    void failuresFromAnotherAddressDoNotLockTheOwnerOut() {
        var jake = conduit.givenUser("jake");
        failTimes(3, "JAKE@example.com", ELSEWHERE);

        assertThat(loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isEqualTo(jake);
    }

    @Test
    void aSuccessClearsTheFailuresBeforeIt() {
        var jake = conduit.givenUser("jake");
        failTimes(2, "jake@example.com", HERE);
        loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE);
        failTimes(2, "jake@example.com", HERE);

        assertThat(loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isEqualTo(jake);
    }

    @Test
    void hashingAtCapacityRefusesBeforeTheAccountIsLookedUp() {
        conduit.givenUser("jake");
        // The decoy is made on the first login: made now, the refusal below can only come from the capacity check.
        loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE);
        conduit.hasher.refuseAll();
        int readsBefore = conduit.unitOfWork.attempts();

        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isInstanceOf(OverloadedException.class);
        assertThat(conduit.unitOfWork.attempts()).as("units of work").isEqualTo(readsBefore);
    }

    @Test
    void refusalsForLackOfCapacityAreNotFailures() {
        var jake = conduit.givenUser("jake");
        conduit.hasher.refuseAll();
        for (int i = 0; i < LIMIT + 2; i++) {
            assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "wrong-password"), HERE))
                    .isInstanceOf(OverloadedException.class);
        }
        conduit.hasher.acceptAll();

        assertThat(loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")), HERE))
                .isEqualTo(jake);
    }

    private void failTimes(int times, String email, String address) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> loginUser.login(LoginCommand.of(email, "wrong-password"), address))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void missingCredentialsAreReportedPerField() {
        assertThatThrownBy(() -> LoginCommand.of("", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("email", "password"));
    }
}
