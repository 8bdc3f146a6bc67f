package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.SharedTestServer;
import io.conduithex.testsupport.postgres.DockerProbe;

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
public final class MariaDbServer extends SharedTestServer {

    public enum Source { EXTERNAL, TESTCONTAINERS, LOCAL_BINARIES }

    private static MariaDbServer shared;

    private final Source source;

    private MariaDbServer(Source source, String adminUrl, String user, String password) {
        super("MariaDB", "jdbc:mariadb://", adminUrl, user, password);
        this.source = source;
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

    public String describe() {
        String version = version("SELECT VERSION()");
        return switch (source) {
            case EXTERNAL -> "external server from TEST_MARIADB_URL, " + version;
            case TESTCONTAINERS -> "Testcontainers container, " + version;
            case LOCAL_BINARIES -> "throwaway server from the installed binaries (mariadb-install-db, mariadbd;"
                    + " no Docker found), " + version;
        } + " at " + adminUrl();
    }

    @Override
    protected String databaseExistsQuery() {
        return "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
    }

    @Override
    protected String maxConnectionsQuery() {
        return "SELECT @@GLOBAL.max_connections";
    }

    /** Creates an empty utf8mb4 database with a unique name and returns its JDBC URL. */
    @Override
    public String createDatabase() {
        String name = newDatabaseName();
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        return urlFor(name);
    }

    @Override
    protected String createLoginStatement(String user, String password) {
        return "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'";
    }

    @Override
    protected String dropLoginStatement(String user) {
        return "DROP USER IF EXISTS '" + user + "'@'%'";
    }

    @Override
    protected String dropStatement(String name) {
        return "DROP DATABASE IF EXISTS " + name;
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
