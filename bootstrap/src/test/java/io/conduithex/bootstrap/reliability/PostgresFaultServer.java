package io.conduithex.bootstrap.reliability;

import io.conduithex.testsupport.postgres.OwnedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The fault tests' PostgreSQL: embedded binaries ({@link OwnedPostgres}), stopped by a fast shutdown; sessions
 * found by {@code application_name} in {@code pg_stat_activity} and ended with {@code pg_terminate_backend}.
 */
final class PostgresFaultServer extends FaultServer {

    private static final long HOLD_KEY = 7001;

    private final OwnedPostgres postgres;

    private PostgresFaultServer(OwnedPostgres postgres) {
        super(postgres);
        this.postgres = postgres;
    }

    static FaultServer launch() {
        return new PostgresFaultServer(OwnedPostgres.launch());
    }

    @Override
    void createDatabase(String name) {
        postgres.execute("CREATE DATABASE " + name);
    }

    @Override
    String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    List<Session> sessions(String applicationName) {
        return postgres.backends(applicationName).stream()
                .map(b -> new Session(b.pid(), "idle".equals(b.state()), b.waitsForALock(), b.query())).toList();
    }

    @Override
    int killSessions(String applicationName) {
        return postgres.terminateBackends(applicationName);
    }

    @Override
    boolean killSession(long id) {
        return postgres.terminateBackend(Math.toIntExact(id));
    }

    /** In a transaction of its own, which a rollback ends. */
    @Override
    Held lockTable(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        execute(connection, "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        return connection::rollback;
    }

    /**
     * A deferred constraint trigger runs at COMMIT and asks for an advisory lock that {@code connection} holds
     * until released.
     */
    @Override
    Held holdCommits(Connection connection) throws SQLException {
        execute(connection,
                "CREATE FUNCTION hold_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN PERFORM pg_advisory_xact_lock(" + HOLD_KEY + "); RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER comments_held_at_commit AFTER INSERT ON comments"
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hold_at_commit()",
                "SELECT pg_advisory_lock(" + HOLD_KEY + ")");
        return releasedBy(connection, "SELECT pg_advisory_unlock(" + HOLD_KEY + ")");
    }

    @Override
    boolean tellsLostCommitOutcomes() {
        return true;
    }

    /** A role that exists but may not log in (SQLSTATE 28000). */
    @Override
    RefusedLogin refusedLogin() {
        String role = "nologin_" + Long.toHexString(System.nanoTime());
        postgres.execute("CREATE ROLE " + role + " NOLOGIN");
        return new RefusedLogin(role, null, "is not permitted to log in");
    }
}
