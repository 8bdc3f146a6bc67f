package io.conduithex.domain.validation;

/**
 * Shared rules for required text, whatever it holds (an e-mail, a title, a comment): not blank, stripped of
 * surrounding white space, at most a length. Value objects add their own rules on what comes back.
 */
public final class Text {
    public static final String CONTROL_CHARACTERS = "can't contain control characters";

    private Text() {
    }

    /** The text stripped of surrounding white space; refused when blank or longer than {@code maxLength}. */
    public static String required(String value, int maxLength) {
        if (Strings.hasPlainEnds(value) && value.length() <= maxLength) {
            return value;
        }
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("can't be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException("is too long (maximum is " + maxLength + " characters)");
        }
        return stripped;
    }

    /**
     * As {@link #required}, and also refused when it holds a control character: a one-line text (a title, a
     * summary) has no use for line breaks, tabs or terminal escapes, and would carry them into every page, list
     * and log line that shows it.
     */
    public static String requiredLine(String value, int maxLength) {
        String stripped = required(value, maxLength);
        if (hasControlCharacter(stripped)) {
            throw new InvalidValueException(CONTROL_CHARACTERS);
        }
        return stripped;
    }

    /** A plain loop: this runs for every title, description and tag of every page read, not only on input. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
