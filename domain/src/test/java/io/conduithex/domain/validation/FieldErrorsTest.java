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
    void the_builder_collects_several_fields_in_the_order_they_were_found() {
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
    void throw_if_any_throws_a_validation_exception_carrying_every_field() {
        var builder = FieldErrors.builder().add("email", "is invalid").add("password", "can't be blank");

        assertThatThrownBy(builder::throwIfAny)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap())
                        .containsOnlyKeys("email", "password")
                        .containsEntry("email", List.of("is invalid"))
                        .containsEntry("password", List.of("can't be blank")));
    }

    @Test
    void throw_if_any_does_nothing_when_nothing_was_collected() {
        var builder = FieldErrors.builder();

        assertThat(builder.isEmpty()).isTrue();
        assertThatCode(builder::throwIfAny).doesNotThrowAnyException();
        assertThat(builder.build().isEmpty()).isTrue();
    }

    @Test
    void capture_returns_the_value_or_records_the_rejection_under_the_field() {
        var builder = FieldErrors.builder();

        Email email = builder.capture("email", () -> new Email("jake@example.com"));
        Username username = builder.capture("username", () -> new Username("no spaces allowed"));

        assertThat(email).isEqualTo(new Email("jake@example.com"));
        assertThat(username).isNull();
        assertThat(builder.build().asMap()).containsOnlyKeys("username");
    }

    @Test
    void capture_lets_other_exceptions_through() {
        var builder = FieldErrors.builder();

        assertThatThrownBy(() -> builder.capture("x", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(builder.isEmpty()).isTrue();
    }

    @Test
    void built_errors_are_immutable_and_unaffected_by_later_additions() {
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
    void of_makes_a_single_field_error() {
        assertThat(FieldErrors.of("email", "has already been taken").asMap())
                .containsExactly(java.util.Map.entry("email", List.of("has already been taken")));
    }
}
