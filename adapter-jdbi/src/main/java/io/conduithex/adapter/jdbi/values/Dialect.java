package io.conduithex.adapter.jdbi.values;

import java.util.Locale;

/** The databases this adapter speaks, told apart by the JDBC URL. */
public enum Dialect {
    SQLITE("jdbc:sqlite:", "db/migration/sqlite"),
    POSTGRESQL("jdbc:postgresql:", "db/migration/postgresql"),
    MARIADB("jdbc:mariadb:", "db/migration/mariadb");

    private final String urlPrefix;
    private final String migrationsLocation;

    Dialect(String urlPrefix, String migrationsLocation) {
        this.urlPrefix = urlPrefix;
        this.migrationsLocation = migrationsLocation;
    }

    /** @throws IllegalArgumentException naming the supported prefixes when the URL matches none */
    public static Dialect fromUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported JDBC URL (expected jdbc:sqlite:..., jdbc:postgresql:... or jdbc:mariadb:...)");
    }

    /** Classpath folder of this dialect's Flyway migrations. */
    public String migrationsLocation() {
        return "classpath:" + migrationsLocation;
    }
}
