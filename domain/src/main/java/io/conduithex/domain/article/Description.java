package io.conduithex.domain.article;

import io.conduithex.domain.validation.Text;

/** The one-line summary shown in article lists, without control characters. */
public record Description(String value) {
    public static final int MAX_LENGTH = 1000;

    public Description {
        value = Text.requiredLine(value, MAX_LENGTH);
    }
}
