package io.conduithex.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** SQLite keeps a database in a file whose folder must exist before the driver opens it. */
public final class SqliteFiles {
    private static final String PREFIX = "jdbc:sqlite:";

    private SqliteFiles() {
    }

    /** Creates the folder of the database file a SQLite URL names, if any; other URLs are left alone. */
    public static void ensureFolderExists(String url) {
        databaseFile(url).map(Path::toAbsolutePath).map(Path::getParent).ifPresent(folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database folder " + folder, e);
            }
        });
    }

    /** The file of a SQLite URL; empty for other databases and for in-memory SQLite. */
    public static Optional<Path> databaseFile(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String file = query >= 0 ? rest.substring(0, query) : rest;
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isBlank() || file.startsWith(":memory:") || file.contains("mode=memory")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file));
    }
}
