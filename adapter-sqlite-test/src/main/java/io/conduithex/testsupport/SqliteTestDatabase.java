package io.conduithex.testsupport;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh, migrated SQLite database in its own temporary folder, deleted on close. */
public final class SqliteTestDatabase extends OpenTestDatabase {

    /** Pool settings for the test database. */
    public record Options(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        public static final Options DEFAULTS = new Options(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private final Path folder;

    private SqliteTestDatabase(Path folder, String url, Opened opened) {
        super(url, opened);
        this.folder = folder;
    }

    public static SqliteTestDatabase create(Options options) {
        try {
            Path folder = Files.createTempDirectory("conduit-sqlite-test");
            String url = "jdbc:sqlite:" + folder.resolve("conduit.db");
            var settings = DatabaseSettings.forUrl(url).toBuilder()
                    .poolSize(options.poolSize())
                    .poolTimeout(options.poolTimeout())
                    .statementTimeout(options.statementTimeout())
                    .build();
            return new SqliteTestDatabase(folder, url, openMigrated(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        persistence().close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
