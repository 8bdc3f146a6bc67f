package io.conduithex.domain.validation;

/**
 * Cheap checks value objects make before their general rules. Values are checked every time one is built,
 * and most are built from rows read back for a page, where they hold plain text that passes: these let that
 * common case skip the Unicode-aware checks.
 */
public final class Strings {
    private Strings() {
    }

    /**
     * Whether {@code value} starts and ends with a printable, non-space ASCII character: then it is not blank
     * and {@link String#strip()} would return it unchanged.
     */
    public static boolean hasPlainEnds(String value) {
        return value != null && !value.isEmpty()
                && isPlain(value.charAt(0)) && isPlain(value.charAt(value.length() - 1));
    }

    private static boolean isPlain(char c) {
        return c > ' ' && c < 0x7F;
    }
}
