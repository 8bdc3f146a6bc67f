package io.conduithex.application.comment;

import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.validation.FieldErrors;
import java.util.Objects;

/** A valid comment to add. */
public record CommentCommand(CommentBody body) {
    public CommentCommand {
        Objects.requireNonNull(body, "body");
    }

    /** @throws io.conduithex.domain.validation.ValidationException when the body is missing or too long */
    public static CommentCommand of(String body) {
        var errors = FieldErrors.builder();
        var validBody = errors.capture("body", () -> new CommentBody(body));
        errors.throwIfAny();
        return new CommentCommand(validBody);
    }
}
