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
final class MariaDbFaultServer implements FaultServer {

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

    private final OwnedMariaDb mariadb;

    private MariaDbFaultServer(OwnedMariaDb mariadb) {
        this.mariadb = mariadb;
    }

    static FaultServer launch() {
        return new MariaDbFaultServer(OwnedMariaDb.launch(true));
    }

    @Override
    public int port() {
        return mariadb.port();
    }

    @Override
    public void stop() {
        mariadb.stop();
    }

    @Override
    public void start() {
        mariadb.start();
    }

    @Override
    public boolean isRunning() {
        return mariadb.isRunning();
    }

    @Override
    public String user() {
        return OwnedMariaDb.USER;
    }

    @Override
    public void createDatabase(String name) {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
    }

    @Override
    public String url(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return mariadb.connect(database);
    }

    @Override
    public List<Session> sessions(String applicationName) {
        try (Connection admin = mariadb.connect(""); var statement = admin.prepareStatement(SESSIONS)) {
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
    public int killSessions(String applicationName) {
        int killed = 0;
        for (Session session : sessions(applicationName)) {
            if (killSession(session.id())) {
                killed++;
            }
        }
        return killed;
    }

    @Override
    public boolean killSession(long id) {
        try (Connection admin = mariadb.connect(""); var statement = admin.createStatement()) {
            statement.execute("KILL CONNECTION " + id);
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
    public Held lockTable(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("LOCK TABLES " + table + " WRITE");
        }
        return () -> {
            try (var statement = connection.createStatement()) {
                statement.execute("UNLOCK TABLES");
            }
        };
    }

    /**
     * MariaDB has no deferred trigger; its backup lock holds commits instead: at {@code BACKUP STAGE BLOCK_COMMIT}
     * transactions still do their work, and a COMMIT that would store anything waits for the backup lock (STATE
     * "Waiting for backup lock") until {@code BACKUP STAGE END}.
     */
    @Override
    public Held holdCommits(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("BACKUP STAGE START");
            statement.execute("BACKUP STAGE BLOCK_COMMIT");
        }
        return () -> {
            try (var statement = connection.createStatement()) {
                statement.execute("BACKUP STAGE END");
            }
        };
    }

    /** MariaDB offers no way to ask what became of another session's transaction once its connection is gone. */
    @Override
    public boolean tellsLostCommitOutcomes() {
        return false;
    }

    /** A user that exists, logging in with the wrong password (error 1045). */
    @Override
    public RefusedLogin refusedLogin() {
        String user = "refused_" + Long.toHexString(System.nanoTime());
        execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'the-right-password'");
        return new RefusedLogin(user, "a-wrong-password", "Access denied for user");
    }

    @Override
    public void close() {
        mariadb.close();
    }

    private void execute(String sql) {
        try (Connection admin = mariadb.connect(""); var statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB on port " + port() + " refused " + sql + ": " + e.getMessage(), e);
        }
    }
}
