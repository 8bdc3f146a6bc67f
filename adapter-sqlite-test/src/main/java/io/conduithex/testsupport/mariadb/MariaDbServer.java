package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.postgres.DockerProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MariaDB server the tests of this JVM share, chosen once, first that applies:
 * <ol>
 *   <li>an external server named by {@code TEST_MARIADB_URL} (with {@code TEST_MARIADB_USER} and
 *       {@code TEST_MARIADB_PASSWORD}); its user must be allowed to create and drop databases;</li>
 *   <li>a Testcontainers container, when a Docker engine answers;</li>
 *   <li>a throwaway server started from the installed binaries ({@link OwnedMariaDb}), stopped at JVM exit.</li>
 * </ol>
 * The choice is printed once. Each test gets its own database on it ({@link #createDatabase()}), so tests never
 * see each other's rows. Never skips: if none of the three works, the tests fail and say why.
 */
public final class MariaDbServer {

    public enum Source { EXTERNAL, TESTCONTAINERS, LOCAL_BINARIES }

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:mariadb://[^/]+/)([^?]*)(\\?.*)?$");
    private static MariaDbServer shared;

    private final Source source;
    private final String adminUrl;
    private final String user;
    private final String password;

    private MariaDbServer(Source source, String adminUrl, String user, String password) {
        this.source = source;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server for this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            shared = resolve();
            System.out.println("[conduit-test] MariaDB for tests: " + shared.describe());
        }
        return shared;
    }

    public Source source() {
        return source;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String describe() {
        String version;
        try (Connection c = connect(adminUrl); var rs = c.createStatement().executeQuery("SELECT VERSION()")) {
            version = rs.next() ? "MariaDB " + rs.getString(1) : "unknown version";
        } catch (SQLException e) {
            version = "unreachable (" + e.getMessage() + ")";
        }
        return switch (source) {
            case EXTERNAL -> "external server from TEST_MARIADB_URL, " + version;
            case TESTCONTAINERS -> "Testcontainers container, " + version;
            case LOCAL_BINARIES -> "throwaway server from the installed binaries (mariadb-install-db, mariadbd;"
                    + " no Docker found), " + version;
        } + " at " + adminUrl;
    }

    /** Creates an empty utf8mb4 database with a unique name and returns its JDBC URL. */
    public String createDatabase() {
        String name = "conduit_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        return urlFor(name);
    }

    /** Drops a database made by {@link #createDatabase()}. */
    public void dropDatabase(String url) {
        String name = databaseName(url);
        if (!name.startsWith("conduit_test_")) {
            throw new IllegalArgumentException("refusing to drop a database these tests did not create: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name);
    }

    /** A connection to the server without a default database, for tests that act as an operator. */
    public Connection connectAsAdmin() throws SQLException {
        return connect(adminUrl);
    }

    /** The server's user and password as JDBC connection properties. */
    public Properties credentials() {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return credentials;
    }

    private void execute(String sql) {
        try (Connection c = connect(adminUrl); var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB test server refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    private String urlFor(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("cannot derive a database URL from " + adminUrl);
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static String databaseName(String url) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MariaDB JDBC URL: " + url);
        }
        return m.group(2);
    }

    private static MariaDbServer resolve() {
        String external = System.getenv("TEST_MARIADB_URL");
        if (external != null && !external.isBlank()) {
            return new MariaDbServer(Source.EXTERNAL, external.strip(), System.getenv("TEST_MARIADB_USER"),
                    System.getenv("TEST_MARIADB_PASSWORD"));
        }
        if (DockerProbe.dockerAvailable()) {
            return ContainerHolder.start();
        }
        return LocalHolder.start();
    }

    /** Kept in its own class so that Testcontainers' MariaDB module is only loaded when Docker is there. */
    private static final class ContainerHolder {
        static MariaDbServer start() {
            // As root, so that the tests may create and drop a database each.
            var container = new org.testcontainers.mariadb.MariaDBContainer("mariadb:10.11")
                    .withUsername("root")
                    .withPassword("conduit-test");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-mariadb-container"));
            return new MariaDbServer(Source.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
    }

    private static final class LocalHolder {
        static MariaDbServer start() {
            OwnedMariaDb server = OwnedMariaDb.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-local-mariadb"));
            return new MariaDbServer(Source.LOCAL_BINARIES, server.url(""), OwnedMariaDb.USER, "");
        }
    }
}
