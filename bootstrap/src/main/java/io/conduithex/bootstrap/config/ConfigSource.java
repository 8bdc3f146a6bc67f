package io.conduithex.bootstrap.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where configuration values come from: a system property ({@code -DPORT=9090}) overrides the environment
 * variable of the same name. An empty or blank value counts as not set.
 */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value of {@code name}, or null when it is not set. */
    String raw(String name);

    default String get(String name) {
        String value = raw(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** System properties first, then the process environment. */
    static ConfigSource system() {
        return name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        };
    }

    /** A fixed set of values, for tests and tools. */
    static ConfigSource of(Map<String, String> values) {
        var copy = Map.copyOf(values);
        return copy::get;
    }

    /** This source with {@code overrides} taking precedence. */
    default ConfigSource overriddenBy(UnaryOperator<String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        return name -> {
            String value = overrides.apply(name);
            return value != null ? value : raw(name);
        };
    }
}
