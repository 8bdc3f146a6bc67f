package io.conduithex.domain.article;

import io.conduithex.domain.validation.Text;

/** An article's text (Markdown). */
public record ArticleBody(String value) {
    public static final int MAX_LENGTH = 100_000;

    public ArticleBody {
        value = Text.required(value, MAX_LENGTH);
    }
}
