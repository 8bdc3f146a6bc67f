package io.conduithex.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads typed values from a {@link ConfigSource}, failing with one line that names the variable. */
final class ConfigReader {
    private static final int MAX_ECHO = 80;

    private final ConfigSource source;

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    String text(String name, String defaultValue) {
        String value = source.get(name);
        return value == null ? defaultValue : value.strip();
    }

    /** The raw value, not stripped (secrets may legitimately have spaces at the ends); null when not set. */
    String secret(String name) {
        return source.get(name);
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = source.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid(name, "must be an integer between " + min + " and " + max, value);
    }

    /** An ISO-8601 duration such as {@code P30D} or {@code PT12H}, within [min, max] ({@code range} in words). */
    Duration duration(String name, Duration defaultValue, Duration min, Duration max, String range) {
        String value = source.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the range
        }
        throw invalid(name, "must be an ISO-8601 duration such as P30D or PT12H, " + range, value);
    }

    static ConfigurationException invalid(String name, String rule, String shownValue) {
        return new ConfigurationException(name + " " + rule + ", was \"" + printable(shownValue) + "\"");
    }

    /** The value as it can appear in a one-line message: control characters replaced, long values cut. */
    static String printable(String value) {
        String oneLine = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return oneLine.length() <= MAX_ECHO ? oneLine : oneLine.substring(0, MAX_ECHO) + "...";
    }
}
