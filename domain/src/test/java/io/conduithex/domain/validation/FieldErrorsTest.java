package io.conduithex.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.Username;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void theBuilderCollectsSeveralFieldsInTheOrderTheyWereFound() {
        var errors = FieldErrors.builder()
                .add("username", "can't be blank")
                .add("email", "is invalid")
                .add("username", "is too long")
                .build();

        assertThat(errors.asMap()).containsExactly(
                java.util.Map.entry("username", List.of("can't be blank", "is too long")),
                java.util.Map.entry("email", List.of("is invalid")));
        assertThat(errors.isEmpty()).isFalse();
    }

    @Test
    void throwIfAnyThrowsAValidationExceptionCarryingEveryField() {
        var builder = FieldErrors.builder().add("email", "is invalid").add("password", "can't be blank");

        assertThatThrownBy(builder::throwIfAny)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "password")
                        .containsEntry("email", List.of("is invalid"))
                        .containsEntry("password", List.of("can't be blank")));
    }

    @Test
    void throwIfAnyDoesNothingWhenNothingWasCollected() {
        var builder = FieldErrors.builder();

        assertThat(builder.isEmpty()).isTrue();
        assertThatCode(builder::throwIfAny).doesNotThrowAnyException();
        assertThat(builder.build().isEmpty()).isTrue();
    }

    @Test
    void captureReturnsTheValueOrRecordsTheRejectionUnderTheField() {
        var builder = FieldErrors.builder();

        Email email = builder.capture("email", () -> new Email("jake@example.com"));
        Username username = builder.capture("username", () -> new Username("no spaces allowed"));

        assertThat(email).isEqualTo(new Email("jake@example.com"));
        assertThat(username).isNull();
        assertThat(builder.build().asMap()).containsOnlyKeys("username");
    }

    @Test
    void captureLetsOtherExceptionsThrough() {
        var builder = FieldErrors.builder();

        assertThatThrownBy(() -> builder.capture("x", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(builder.isEmpty()).isTrue();
    }

    @Test
    void builtErrorsAreImmutableAndUnaffectedByLaterAdditions() {
        var builder = FieldErrors.builder().add("email", "is invalid");
        var built = builder.build();

        builder.add("email", "is too long").add("bio", "is too long");

        assertThat(built.asMap()).containsOnlyKeys("email");
        assertThat(built.asMap().get("email")).containsExactly("is invalid");
        assertThatThrownBy(() -> built.asMap().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.asMap().get("email").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofMakesASingleFieldError() {
        assertThat(FieldErrors.of("email", "has already been taken").asMap())
                .containsExactly(java.util.Map.entry("email", List.of("has already been taken")));
    }
}
