package io.conduithex.domain.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation messages keyed by the input field they concern, in the order they were found.
 * Immutable once built; use {@link Builder} to collect messages from several fields before failing.
 */
public final class FieldErrors {

    private final Map<String, List<String>> byField;

    private FieldErrors(Map<String, List<String>> byField) {
        var copy = new LinkedHashMap<String, List<String>>();
        byField.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        this.byField = Collections.unmodifiableMap(copy);
    }

    public static FieldErrors of(String field, String message) {
        return builder().add(field, message).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, List<String>> asMap() {
        return byField;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    @Override
    public String toString() {
        return byField.toString();
    }

    /** Collects messages; not thread-safe. */
    public static final class Builder {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        public Builder add(String field, String message) {
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            return this;
        }

        /**
         * Runs a value-object factory and records its rejection under {@code field} instead of throwing,
         * so one request reports every bad field at once. Returns null when the value was rejected.
         */
        public <T> T capture(String field, java.util.function.Supplier<T> factory) {
            try {
                return factory.get();
            } catch (InvalidValueException e) {
                add(field, e.getMessage());
                return null;
            }
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        public FieldErrors build() {
            return new FieldErrors(byField);
        }

        /** Throws {@link ValidationException} when any message was collected. */
        public void throwIfAny() {
            if (!byField.isEmpty()) {
                throw new ValidationException(build());
            }
        }
    }
}
