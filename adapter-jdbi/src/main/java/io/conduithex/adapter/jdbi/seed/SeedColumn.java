package io.conduithex.adapter.jdbi.seed;

import java.time.Instant;
import java.util.function.Function;

/**
 * One seeded column: its name, what kind of value it holds (which decides how a dialect sends it), and how to
 * read that value from a row.
 */
record SeedColumn<T>(String name, Kind kind, Function<T, ?> value) {

    enum Kind { TEXT, NUMBER, INSTANT }

    static <T> SeedColumn<T> text(String name, Function<T, String> value) {
        return new SeedColumn<>(name, Kind.TEXT, value);
    }

    static <T> SeedColumn<T> number(String name, Function<T, Long> value) {
        return new SeedColumn<>(name, Kind.NUMBER, value);
    }

    static <T> SeedColumn<T> instant(String name, Function<T, Instant> value) {
        return new SeedColumn<>(name, Kind.INSTANT, value);
    }
}
