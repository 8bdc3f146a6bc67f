package io.conduithex.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes a streaming hot standby of an {@link OwnedPostgres} the way {@code pg_basebackup} would, in Java, because
 * the embedded binaries have no {@code pg_basebackup}: a non-exclusive online backup ({@code pg_backup_start}, a
 * copy of the data directory, {@code pg_backup_stop}'s label file), {@code standby.signal}, and
 * {@code primary_conninfo} with a physical replication slot, so the primary keeps the WAL the standby has not
 * received yet even while the standby is stopped. A primary and a standby take one to two seconds.
 */
final class Standby {
    /** What PostgreSQL's documentation says a base backup leaves out: run-time state the standby makes anew. */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final long STREAMING_TIMEOUT_MS = 30_000;

    private Standby() {
    }

    static OwnedPostgres of(OwnedPostgres primary) {
        String name = "standby_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path copy = OwnedPostgres.newDataDirectory();
        try (Connection session = primary.connect("postgres")) {
            // Reserved now, before the backup starts, so no WAL the standby needs can be recycled.
            execute(session, "SELECT pg_create_physical_replication_slot('" + name + "', true)");
            // Start and stop must be one session: a non-exclusive backup ends when its session does.
            execute(session, "SELECT pg_backup_start('" + name + "', true)");
            copyCluster(primary.dataDirectory(), copy);
            try (var result = session.createStatement().executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                result.next();
                Files.writeString(copy.resolve("backup_label"), result.getString(1));
            }
            Files.writeString(copy.resolve("standby.signal"), "");
            // Written to the file rather than passed as a server option: the embedded library splits options on spaces.
            Files.writeString(copy.resolve("postgresql.auto.conf"),
                    "\nprimary_conninfo = 'host=127.0.0.1 port=" + primary.port() + " user=" + OwnedPostgres.USER
                            + " application_name=" + name + "'\nprimary_slot_name = '" + name + "'\n",
                    StandardOpenOption.APPEND);
        } catch (SQLException e) {
            throw new IllegalStateException("could not back up PostgreSQL on port " + primary.port(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy PostgreSQL's data directory", e);
        }
        OwnedPostgres standby = OwnedPostgres.launchOn(copy);
        try {
            awaitStreaming(primary, name);
        } catch (RuntimeException e) {
            standby.close();
            throw e;
        }
        return standby;
    }

    private static void copyCluster(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (isLeftOut(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (NoSuchFileException | FileAlreadyExistsException e) {
                    // A running server removes temporary files while they are copied; WAL replay covers the rest.
                }
            }
        }
    }

    private static boolean isLeftOut(Path relative) {
        if (relative.getNameCount() == 0) {
            return false;
        }
        String first = relative.getName(0).toString();
        if (relative.getNameCount() == 1) {
            return LEFT_OUT.contains(first);
        }
        // The directories stay (PostgreSQL expects them); their contents do not, except WAL's archive_status.
        return EMPTIED.contains(first)
                && !(first.equals("pg_wal") && relative.getName(1).toString().equals("archive_status")
                && relative.getNameCount() == 2);
    }

    private static void awaitStreaming(OwnedPostgres primary, String name) {
        long deadline = System.currentTimeMillis() + STREAMING_TIMEOUT_MS;
        try (Connection session = primary.connect("postgres");
             var statement = session.prepareStatement(
                     "SELECT count(*) FROM pg_stat_replication WHERE application_name = ? AND state = 'streaming'")) {
            statement.setString(1, name);
            while (true) {
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 1) {
                        return;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("standby " + name + " was not streaming after "
                            + STREAMING_TIMEOUT_MS + " ms");
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not watch replication on port " + primary.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the standby", e);
        }
    }

    private static void execute(Connection session, String sql) throws SQLException {
        try (var statement = session.createStatement()) {
            statement.execute(sql);
        }
    }
}
