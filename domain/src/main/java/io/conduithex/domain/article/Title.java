package io.conduithex.domain.article;

import io.conduithex.domain.validation.Text;

/** An article's title: one line, without control characters. */
public record Title(String value) {
    public static final int MAX_LENGTH = 200;

    public Title {
        value = Text.requiredLine(value, MAX_LENGTH);
    }
}
