package io.conduithex.bootstrap.reliability;

import io.conduithex.testsupport.postgres.OwnedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The fault tests' PostgreSQL: embedded binaries ({@link OwnedPostgres}), stopped by a fast shutdown; sessions
 * found by {@code application_name} in {@code pg_stat_activity} and ended with {@code pg_terminate_backend}.
 */
final class PostgresFaultServer implements FaultServer {

    private static final long HOLD_KEY = 7001;

    private final OwnedPostgres postgres;

    private PostgresFaultServer(OwnedPostgres postgres) {
        this.postgres = postgres;
    }

    static FaultServer launch() {
        return new PostgresFaultServer(OwnedPostgres.launch());
    }

    @Override
    public int port() {
        return postgres.port();
    }

    @Override
    public void stop() {
        postgres.stop();
    }

    @Override
    public void start() {
        postgres.start();
    }

    @Override
    public boolean isRunning() {
        return postgres.isRunning();
    }

    @Override
    public String user() {
        return postgres.user();
    }

    @Override
    public void createDatabase(String name) {
        postgres.execute("CREATE DATABASE " + name);
    }

    @Override
    public String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return postgres.connect(database);
    }

    @Override
    public List<Session> sessions(String applicationName) {
        return postgres.backends(applicationName).stream()
                .map(b -> new Session(b.pid(), "idle".equals(b.state()), b.waitsForALock(), b.query())).toList();
    }

    @Override
    public int killSessions(String applicationName) {
        return postgres.terminateBackends(applicationName);
    }

    @Override
    public boolean killSession(long id) {
        return postgres.terminateBackend(Math.toIntExact(id));
    }

    @Override
    public Held lockTable(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return connection::rollback;
    }

    /**
     * A deferred constraint trigger runs at COMMIT and asks for an advisory lock that {@code connection} holds
     * until released.
     */
    @Override
    public Held holdCommits(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION hold_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM pg_advisory_xact_lock(" + HOLD_KEY + "); RETURN NULL; END $$");
            statement.execute("CREATE CONSTRAINT TRIGGER comments_held_at_commit AFTER INSERT ON comments"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hold_at_commit()");
            statement.execute("SELECT pg_advisory_lock(" + HOLD_KEY + ")");
        }
        return () -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + HOLD_KEY + ")");
            }
        };
    }

    @Override
    public boolean tellsLostCommitOutcomes() {
        return true;
    }

    /** A role that exists but may not log in (SQLSTATE 28000). */
    @Override
    public RefusedLogin refusedLogin() {
        String role = "nologin_" + Long.toHexString(System.nanoTime());
        postgres.execute("CREATE ROLE " + role + " NOLOGIN");
        return new RefusedLogin(role, null, "is not permitted to log in");
    }

    @Override
    public void close() {
        postgres.close();
    }
}
