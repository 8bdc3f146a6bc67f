package io.conduithex.domain.article;

import io.conduithex.domain.validation.InvalidValueException;

/** A window on a list: at most {@code limit} items after skipping {@code offset}. */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /**
     * Beyond this a client is walking the whole table; it should narrow the filter instead. Skipping rows
     * costs the database a walk over that many index entries, so the cap is what keeps the deepest page as
     * cheap at a million articles as at ten thousand.
     */
    public static final int MAX_OFFSET = 10_000;

    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, 0);

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidValueException("must be between 0 and " + MAX_OFFSET);
        }
    }
}
