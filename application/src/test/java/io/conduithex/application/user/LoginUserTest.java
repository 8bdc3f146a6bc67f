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
    void the_right_password_logs_the_user_in() {
        var jake = conduit.givenUser("jake");

        var loggedIn = loginUser.login(LoginCommand.of("jake@example.com", InMemoryConduit.passwordOf("jake")));

        assertThat(loggedIn).isEqualTo(jake);
    }

    @Test
    void the_email_is_matched_ignoring_case() {
        var jake = conduit.givenUser("jake");

        assertThat(loginUser.login(LoginCommand.of("Jake@EXAMPLE.com", InMemoryConduit.passwordOf("jake"))))
                .isEqualTo(jake);
    }

    @Test
    void a_wrong_password_is_rejected() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("email or password is invalid");
    }

    @Test
    void an_unknown_email_is_rejected_with_the_same_answer() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("nobody@example.com", InMemoryConduit.passwordOf("jake"))))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("email or password is invalid");
    }

    @Test
    void the_decoy_password_does_not_open_an_unknown_account() {
        assertThatThrownBy(() -> loginUser.login(
                LoginCommand.of("nobody@example.com", "decoy-password-never-matches")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_short_password_is_still_checked_at_login() {
        assertThatThrownBy(() -> loginUser.login(LoginCommand.of("jake@example.com", "short")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void missing_credentials_are_reported_per_field() {
        assertThatThrownBy(() -> LoginCommand.of("", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("email", "password"));
    }
}
