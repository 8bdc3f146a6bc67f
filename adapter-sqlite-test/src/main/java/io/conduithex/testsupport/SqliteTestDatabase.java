package io.conduithex.testsupport;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh, migrated SQLite database in its own temporary folder, deleted on close. */
public final class SqliteTestDatabase implements TestDatabase {

    /** Pool settings for the test database. */
    public record Options(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        public static final Options DEFAULTS = new Options(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private final Path folder;
    private final String url;
    private final JdbiPersistence persistence;
    private final MeterRegistry meters;

    private SqliteTestDatabase(Path folder, String url, JdbiPersistence persistence, MeterRegistry meters) {
        this.folder = folder;
        this.url = url;
        this.persistence = persistence;
        this.meters = meters;
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
            var meters = new SimpleMeterRegistry();
            var persistence = JdbiPersistence.open(settings, meters);
            persistence.migrate();
            return new SqliteTestDatabase(folder, url, persistence, meters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public JdbiPersistence persistence() {
        return persistence;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() {
        persistence.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
