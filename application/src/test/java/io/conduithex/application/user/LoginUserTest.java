package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.BadCredentialsException;
import io.conduithex.domain.validation.ValidationException;
import org.junit.jupiter.api.Test;

class LoginUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final LoginUser loginUser = new LoginUser(conduit.transactions, conduit.hasher);

    @Test
    void theRightPasswordLogsTheUserIn() {
        var jake = conduit.givenUser("jake");

        var loggedIn = loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")));

        assertThat(loggedIn).isEqualTo(jake);
    }

    @Test
    void theEmailIsMatchedIgnoringCase() {
        var jake = conduit.givenUser("jake");

        assertThat(loginUser.login(LoginCommand.of("Jake@EXAMPLE.com", InMemoryConduit.passwordOf("jake"))))
                .isEqualTo(jake);
    }

    @Test
    void aWrongPasswordIsRejected() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("email or password is invalid");
    }

    @Test
    void anUnknownEmailIsRejectedWithTheSameAnswer() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("nobody@example.com", InMemoryConduit.passwordOf("jake"))))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("email or password is invalid");
    }

    @Test
    void theDecoyPasswordDoesNotOpenAnUnknownAccount() {
        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("nobody@example.com", "decoy-password-never-matches")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aShortPasswordIsStillCheckedAtLogin() {
        assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "short")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void missingCredentialsAreReportedPerField() {
        assertThatThrownBy(() -> LoginCommand.of("", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("email", "password"));
    }
}
