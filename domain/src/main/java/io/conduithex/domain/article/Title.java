package io.conduithex.domain.article;

/** An article's title. */
public record Title(String value) {
    public static final int MAX_LENGTH = 200;

    public Title {
        value = Text.required(value, MAX_LENGTH);
    }
}
