package io.conduithex.bootstrap.cli;

/**
 * The migrations this build ships, for the command tests' expected output. {@code ShippedMigrationsTest} fails
 * when a migration is added without updating {@link #LATEST}.
 */
final class ShippedMigrations {
    /** The newest shipped version, which is also how many there are (V1, V2, ...). */
    static final int LATEST = 7;
    /** A version no build ships yet, for a failed migration recorded by hand. */
    static final String UNSHIPPED = String.valueOf(LATEST + 1);

    private ShippedMigrations() {
    }
}
