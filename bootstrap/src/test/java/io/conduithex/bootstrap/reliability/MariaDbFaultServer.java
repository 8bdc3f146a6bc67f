package io.conduithex.bootstrap.reliability;

import io.conduithex.testsupport.mariadb.OwnedMariaDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault tests' MariaDB: a throwaway {@code mariadbd} from the installed binaries ({@link OwnedMariaDb}),
 * stopped by SIGTERM (a clean shutdown), with {@code performance_schema} on so that the application's sessions are
 * found by the {@code program_name} they log in with ({@code performance_schema.session_connect_attrs}), and ended
 * with {@code KILL CONNECTION}, as an operator would.
 */
final class MariaDbFaultServer extends FaultServer {

    /** Error 1094 ER_NO_SUCH_THREAD: the session ended between listing it and killing it. */
    private static final int NO_SUCH_THREAD = 1094;

    /**
     * The application's sessions and what each does: PROCESSLIST's COMMAND is {@code Sleep} between statements,
     * and a wait for a metadata lock (a table locked by LOCK TABLES, the backup lock that holds commits) shows in
     * its STATE. A row lock's wait does not, and InnoDB's own view of it is refreshed at most every 100 ms, too
     * seldom for the tests' 20 ms polls: no scenario waits on one.
     */
    private static final String SESSIONS = """
            select p.ID, p.COMMAND, p.STATE, p.INFO
            from performance_schema.session_connect_attrs a
            join information_schema.PROCESSLIST p on p.ID = a.PROCESSLIST_ID
            where a.ATTR_NAME = 'program_name' and a.ATTR_VALUE = ? and p.ID <> connection_id()
            order by p.ID""";

    private MariaDbFaultServer(OwnedMariaDb mariadb) {
        super(mariadb);
    }

    static FaultServer launch() {
        return new MariaDbFaultServer(OwnedMariaDb.launch(true));
    }

    @Override
    void createDatabase(String name) {
        asAdmin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
    }

    @Override
    String url(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    List<Session> sessions(String applicationName) {
        try (Connection admin = connect(""); var statement = admin.prepareStatement(SESSIONS)) {
            statement.setString(1, applicationName);
            try (var result = statement.executeQuery()) {
                List<Session> sessions = new ArrayList<>();
                while (result.next()) {
                    String state = result.getString("STATE");
                    boolean waits = state != null && state.startsWith("Waiting for") && state.endsWith("lock");
                    sessions.add(new Session(result.getLong("ID"), "Sleep".equals(result.getString("COMMAND")),
                            waits, result.getString("INFO")));
                }
                return sessions;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the sessions of " + applicationName, e);
        }
    }

    @Override
    int killSessions(String applicationName) {
        int killed = 0;
        for (Session session : sessions(applicationName)) {
            if (killSession(session.id())) {
                killed++;
            }
        }
        return killed;
    }

    @Override
    boolean killSession(long id) {
        try (Connection admin = connect("")) {
            execute(admin, "KILL CONNECTION " + id);
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_THREAD) {
                return false;
            }
            throw new IllegalStateException("could not kill session " + id, e);
        }
    }

    /** {@code LOCK TABLES ... WRITE} keeps every other session from reading the table too; a rollback would not end it. */
    @Override
    Held lockTable(Connection connection, String table) throws SQLException {
        execute(connection, "LOCK TABLES " + table + " WRITE");
        return releasedBy(connection, "UNLOCK TABLES");
    }

    /**
     * MariaDB has no deferred trigger; its backup lock holds commits instead: at {@code BACKUP STAGE BLOCK_COMMIT}
     * transactions still do their work, and a COMMIT that would store anything waits for the backup lock (STATE
     * "Waiting for backup lock") until {@code BACKUP STAGE END}.
     */
    @Override
    Held holdCommits(Connection connection) throws SQLException {
        execute(connection, "BACKUP STAGE START", "BACKUP STAGE BLOCK_COMMIT");
        return releasedBy(connection, "BACKUP STAGE END");
    }

    /** MariaDB offers no way to ask what became of another session's transaction once its connection is gone. */
    @Override
    boolean tellsLostCommitOutcomes() {
        return false;
    }

    /** A user that exists, logging in with the wrong password (error 1045). */
    @Override
    RefusedLogin refusedLogin() {
        String user = "refused_" + Long.toHexString(System.nanoTime());
        asAdmin("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'the-right-password'");
        return new RefusedLogin(user, "a-wrong-password", "Access denied for user");
    }

    private void asAdmin(String sql) {
        try (Connection admin = connect("")) {
            execute(admin, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB on port " + port() + " refused " + sql + ": " + e.getMessage(), e);
        }
    }
}
