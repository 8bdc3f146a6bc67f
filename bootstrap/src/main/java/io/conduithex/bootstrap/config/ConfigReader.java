package io.conduithex.bootstrap.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads typed values from a {@link ConfigSource}, the defaults and bounds coming from each {@link Setting};
 * fails with one line that names the variable and says what it must be.
 */
final class ConfigReader {
    private static final int MAX_ECHO = 80;

    private final ConfigSource source;

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    /** The value, stripped; the setting's default (maybe null) when not set. */
    String text(Setting setting) {
        String value = source.get(setting.name());
        return value == null ? setting.defaultValue : value.strip();
    }

    /** The value as given, stripped; null when not set (whatever the default). */
    String given(Setting setting) {
        String value = source.get(setting.name());
        return value == null ? null : value.strip();
    }

    /** The raw value, not stripped (secrets may legitimately have spaces at the ends); null when not set. */
    String secret(Setting setting) {
        return source.get(setting.name());
    }

    /** The secret's bytes (UTF-8), at least {@code minBytes} of them; empty when not set. */
    Optional<Secret> secret(Setting setting, int minBytes) {
        String value = secret(setting);
        if (value == null) {
            return Optional.empty();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < minBytes) {
            // The value itself is never echoed: it is a secret, even when it is too short to be a good one.
            throw new ConfigurationException(setting.name() + " must be " + setting.allowed + ", was "
                    + bytes.length + " bytes");
        }
        return Optional.of(new Secret(bytes));
    }

    /** An integer within the setting's bounds; its default, unchecked, when not set. */
    int integer(Setting setting) {
        if (setting.min == null || setting.max == null) {
            throw new IllegalArgumentException(setting + " is not an integer setting");
        }
        String value = source.get(setting.name());
        if (value == null) {
            return Integer.parseInt(setting.defaultValue);
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= setting.min && parsed <= setting.max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid(setting, value);
    }

    /** An integer of milliseconds within the setting's bounds. */
    Duration millis(Setting setting) {
        return Duration.ofMillis(integer(setting));
    }

    /** {@code duration} as an operator writes it: {@code P30D} for whole days, else as {@link Duration} prints it. */
    static String shown(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    /** An ISO-8601 duration such as {@code P30D} or {@code PT12H}, within [min, max]. */
    Duration duration(Setting setting, Duration min, Duration max) {
        String value = source.get(setting.name());
        if (value == null) {
            return Duration.parse(setting.defaultValue);
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the range
        }
        throw invalid(setting, value);
    }

    /** "NAME must be (what the setting allows), was "value"". */
    static ConfigurationException invalid(Setting setting, String shownValue) {
        return invalid(setting, setting.allowed, shownValue);
    }

    static ConfigurationException invalid(Setting setting, String rule, String shownValue) {
        return new ConfigurationException(setting.name() + " must be " + rule + ", was \"" + printable(shownValue)
                + "\"");
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
