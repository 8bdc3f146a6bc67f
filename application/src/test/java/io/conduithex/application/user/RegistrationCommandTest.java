package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationCommandTest {

    @Test
    void validInputMakesACommand() {
        var command = RegistrationCommand.of(" jake@example.com ", "jake", "jakejake");

        assertThat(command.email().value()).isEqualTo("jake@example.com");
        assertThat(command.username().value()).isEqualTo("jake");
        assertThat(command.password().reveal()).isEqualTo("jakejake");
    }

    @Test
    void everyBadFieldIsReportedAtOnceInFieldOrder() {
        assertThatThrownBy(() -> RegistrationCommand.of("not-an-email", "", "short"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsExactly(
                                java.util.Map.entry("email", List.of("is invalid")),
                                java.util.Map.entry("username", List.of("can't be blank")),
                                java.util.Map.entry("password", List.of("is too short (minimum is 8 characters)"))));
    }

    @Test
    void missingFieldsAreReportedAsBlank() {
        assertThatThrownBy(() -> RegistrationCommand.of(null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "username", "password")
                        .allSatisfy((field, messages) -> assertThat(messages).containsExactly("can't be blank")));
    }

    @Test
    void onlyTheBadFieldIsReported() {
        assertThatThrownBy(() -> RegistrationCommand.of("jake@example.com", "jake the dog", "jakejake"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).containsOnlyKeys("username"));
    }

    @Test
    void thePasswordNeverAppearsInTheError() {
        assertThatThrownBy(() -> RegistrationCommand.of("jake@example.com", "jake", "hunter2"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                    assertThat(e.errors().toString()).doesNotContain("hunter2");
                });
    }
}
