package io.conduithex.application.command;

import java.util.stream.Stream;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One field of a partial update: left alone, cleared, or set to a new value. */
public sealed interface FieldChange<T> {

    @SuppressWarnings("unchecked")
    static <T> FieldChange<T> unchanged() {
        return (FieldChange<T>) Unchanged.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    static <T> FieldChange<T> cleared() {
        return (FieldChange<T>) Cleared.INSTANCE;
    }

    static <T> FieldChange<T> setTo(T value) {
        return new SetTo<>(value);
    }

    /**
     * The names of the fields among {@code named} (pairs of a name and its change, in order) that are set or
     * cleared: what an audit event says an update changed.
     */
    @SafeVarargs
    static List<String> changedAmong(Map.Entry<String, FieldChange<?>>... named) {
        return Stream.of(named).filter(field -> !(field.getValue() instanceof Unchanged))
                .map(Map.Entry::getKey).toList();
    }

    /** The new value of a field whose current value is {@code current}. */
    default T applyTo(T current) {
        if (this instanceof SetTo<T> set) {
            return set.value();
        }
        return this instanceof Cleared<T> ? null : current;
    }

    default <U> FieldChange<U> map(Function<T, U> mapper) {
        if (this instanceof SetTo<T> set) {
            return new SetTo<>(mapper.apply(set.value()));
        }
        @SuppressWarnings("unchecked")
        FieldChange<U> same = (FieldChange<U>) this;
        return same;
    }

    final class Unchanged<T> implements FieldChange<T> {
        private static final Unchanged<Object> INSTANCE = new Unchanged<>();

        private Unchanged() {
        }
    }

    final class Cleared<T> implements FieldChange<T> {
        private static final Cleared<Object> INSTANCE = new Cleared<>();

        private Cleared() {
        }
    }

    record SetTo<T>(T value) implements FieldChange<T> {
        public SetTo {
            Objects.requireNonNull(value, "value");
        }
    }
}
