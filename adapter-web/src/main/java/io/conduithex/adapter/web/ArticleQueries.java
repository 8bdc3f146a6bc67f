package io.conduithex.adapter.web;

import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.InvalidValueException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of article lists.
 *
 * <ul>
 *   <li>{@code limit} (default {@value PageRequest#DEFAULT_LIMIT}) and {@code offset} (default 0) must be plain
 *       decimal numbers within {@link PageRequest}'s bounds; anything else (negative, not a number, empty, too
 *       large to represent) is a 422 naming the parameter, with both reported at once.</li>
 *   <li>{@code tag}, {@code author} and {@code favorited} filter the list. A value that no tag or username
 *       could ever have (blank, too long, forbidden characters) is not an error: it matches no article, so the
 *       list is empty, exactly as for a well-formed name that nobody has.</li>
 * </ul>
 */
final class ArticleQueries {
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String TAG = "tag";
    static final String AUTHOR = "author";
    static final String FAVORITED = "favorited";

    /** The answer to a filter that names something that cannot exist. */
    static final ArticlePage NOTHING = new ArticlePage(List.of(), 0);

    /** Nine digits always fit an int, and every bound of {@link PageRequest} has fewer. */
    private static final int MAX_DIGITS = 9;
    /** Below every bound, so that {@link PageRequest} refuses it with its own message. */
    private static final int NOT_A_NUMBER = -1;

    private ArticleQueries() {
    }

    /** @throws io.conduithex.domain.validation.ValidationException naming limit and/or offset */
    static PageRequest page(Context ctx) {
        return page(ctx.queryParam(LIMIT), ctx.queryParam(OFFSET));
    }

    /** The window the parameters ask for; each is the parameter as sent, null when absent. */
    static PageRequest page(String rawLimit, String rawOffset) {
        int limit = number(rawLimit, PageRequest.DEFAULT_LIMIT);
        int offset = number(rawOffset, 0);
        var errors = FieldErrors.builder();
        // Checked one at a time, so that a bad limit does not hide a bad offset.
        errors.capture(LIMIT, () -> new PageRequest(limit, 0));
        errors.capture(OFFSET, () -> new PageRequest(PageRequest.DEFAULT_LIMIT, offset));
        errors.throwIfAny();
        return new PageRequest(limit, offset);
    }

    /**
     * The filter the parameters ask for; empty when one of them names something that cannot exist. Each parameter
     * as sent, null when absent.
     */
    static Optional<ArticleFilter> filter(String tag, String author, String favorited) {
        try {
            return Optional.of(new ArticleFilter(
                    Optional.ofNullable(tag).map(Tag::new),
                    Optional.ofNullable(author).map(Username::new),
                    Optional.ofNullable(favorited).map(Username::new)));
        } catch (InvalidValueException impossibleName) {
            return Optional.empty();
        }
    }

    /**
     * Plain ASCII decimal digits (no sign, space, exponent or other script's digits), leading zeros allowed;
     * a loop rather than a regular expression, as every list request parses two.
     */
    private static int number(String raw, int absent) {
        if (raw == null) {
            return absent;
        }
        if (raw.isEmpty()) {
            return NOT_A_NUMBER;
        }
        int value = 0;
        int significant = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            if (significant > 0 || c != '0') {
                significant++;
                value = significant > MAX_DIGITS ? Integer.MAX_VALUE : value * 10 + (c - '0');
            }
        }
        return value;
    }
}
