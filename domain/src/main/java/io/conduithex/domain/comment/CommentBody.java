package io.conduithex.domain.comment;

import io.conduithex.domain.validation.Text;

/** The text of a comment. */
public record CommentBody(String value) {
    public static final int MAX_LENGTH = 10_000;

    public CommentBody {
        value = Text.required(value, MAX_LENGTH);
    }
}
