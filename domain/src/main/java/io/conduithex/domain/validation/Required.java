package io.conduithex.domain.validation;

/**
 * Refuses a value whose required components are missing, for records with many of them: one statement lists
 * them all, and the exception names the first missing one, as {@code Objects.requireNonNull(value, name)} would.
 */
public final class Required {
    private Required() {
    }

    /**
     * @param namesAndValues each component's name followed by its value
     * @throws NullPointerException naming the first component whose value is null
     */
    public static void nonNull(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new NullPointerException(String.valueOf(namesAndValues[i]));
            }
        }
    }
}
