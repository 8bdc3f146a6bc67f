package io.conduithex.application.user;

import io.conduithex.domain.audit.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final RegisterUser registerUser = new RegisterUser(conduit.transactions, conduit.hasher, conduit.audit);

    @Test
    void aNewUserIsStoredWithAHashedPassword() {
        var jake = registerUser.register(RegistrationCommand.of("jake@example.com", "jake", "jakejake"));

        assertThat(jake.username().value()).isEqualTo("jake");
        assertThat(jake.passwordHash().value()).isEqualTo("hashed:jakejake");
        assertThat(conduit.users().findByEmail(new Email("jake@example.com"))).contains(jake);
    }

    @Test
    void aRegistrationLeavesOneAnonymousAuditEventNamingItsFieldsButNoValues() {
        var jake = registerUser.register(RegistrationCommand.of("jake@example.com", "jake", "jakejake"));

        assertThat(conduit.auditEvents()).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.USER_REGISTERED);
            assertThat(event.actor()).isEmpty();
            assertThat(event.entityId()).isEqualTo(Long.toString(jake.id().value()));
            assertThat(event.requestId()).contains("request-1");
            assertThat(event.changedFields()).containsExactly("email", "username", "password");
            assertThat(event.toString()).doesNotContain("jakejake", "hashed:");
        });
    }

    @Test
    void aRefusedRegistrationLeavesNoAuditEvent() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> registerUser.register(RegistrationCommand.of("jake@example.com", "x", "password1")))
                .isInstanceOf(ValidationException.class);
        assertThat(conduit.auditEvents()).isEmpty();
    }

    @Test
    void aTakenEmailIsReportedOnTheEmailField() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> registerUser.register(
                RegistrationCommand.of("JAKE@example.com", "someone-else", "password1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().asMap()).containsExactly(
                            java.util.Map.entry("email", List.of("has already been taken")));
                    assertThat(e.getCause()).isInstanceOf(ConstraintViolationException.class);
                });
    }

    @Test
    void aTakenUsernameIsReportedOnTheUsernameField() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> registerUser.register(
                RegistrationCommand.of("other@example.com", "Jake", "password1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(java.util.Map.entry("username", List.of("has already been taken"))));
    }

    @Test
    void aRejectedRegistrationStoresNothing() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> registerUser.register(RegistrationCommand.of("jake@example.com", "jim", "password1")))
                .isInstanceOf(ValidationException.class);

        assertThat(conduit.users().findByUsername(new Username("jim"))).isEmpty();
    }

    @Test
    void aUniqueViolationIsNotRetried() {
        conduit.givenUser("jake");

        assertThatThrownBy(() -> registerUser.register(RegistrationCommand.of("jake@example.com", "jim", "password1")))
                .isInstanceOf(ValidationException.class);

        assertThat(conduit.unitOfWork.attempts()).isEqualTo(1);
    }
}
