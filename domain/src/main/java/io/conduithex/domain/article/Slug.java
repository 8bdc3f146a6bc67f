package io.conduithex.domain.article;

import io.conduithex.domain.validation.InvalidValueException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The URL name of an article: lower-case letters, digits and single hyphens. Derived from the title once,
 * at creation, and stable afterwards: renaming an article does not move it.
 */
public record Slug(String value) {
    public static final int MAX_LENGTH = 120;
    /** Room kept for the suffix that tells apart articles whose titles give the same slug. */
    static final int MAX_BASE_LENGTH = MAX_LENGTH - 9;
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /**
     * Path segments the API serves beside slugs ({@code GET /api/articles/feed}): an article given one of these
     * as its slug could never be read, so a title that would produce one gets a longer slug instead.
     */
    static final Set<String> RESERVED = Set.of("feed");

    public Slug {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("can't be blank");
        }
        if (value.length() > MAX_LENGTH || !hasShape(value)) {
            throw new InvalidValueException("is invalid");
        }
    }

    /** The slug a title gives: "How to Train Your Dragon!" becomes {@code how-to-train-your-dragon}. */
    public static Slug fromTitle(Title title) {
        String folded = MARKS.matcher(Normalizer.normalize(title.value(), Normalizer.Form.NFKD)).replaceAll("");
        String base = NOT_SLUG.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        base = trimHyphens(base);
        if (base.length() > MAX_BASE_LENGTH) {
            base = trimHyphens(base.substring(0, MAX_BASE_LENGTH));
        }
        if (base.isEmpty()) {
            return new Slug("article");
        }
        return new Slug(RESERVED.contains(base) ? base + "-article" : base);
    }

    /** This slug with a suffix, for when another article already has it. */
    public Slug withSuffix(String suffix) {
        return new Slug(value + "-" + suffix);
    }

    /** Whether {@code raw} could be a slug at all; anything else names no article. */
    public static boolean isWellFormed(String raw) {
        return raw != null && !raw.isEmpty() && raw.length() <= MAX_LENGTH && hasShape(raw);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Runs of lower-case letters, other letters (scripts without case) and numbers, joined by single hyphens:
     * {@code [\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*}, checked by hand because every slug of every
     * page read is checked again, and the regular expression was a tenth of a list's mapping time.
     */
    private static boolean hasShape(String value) {
        boolean afterHyphen = true;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '-') {
                if (afterHyphen) {
                    return false;
                }
                afterHyphen = true;
            } else if (isSlugCharacter(c)) {
                afterHyphen = false;
            } else {
                return false;
            }
        }
        return !afterHyphen;
    }

    private static boolean isSlugCharacter(int c) {
        return switch (Character.getType(c)) {
            case Character.LOWERCASE_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
