package io.conduithex.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server the tests of one JVM share, reached through an administrative URL, on which each test creates
 * a database of its own and drops it afterwards. A subclass per product says how the server is found or started,
 * how a database is created and how it is dropped; the account, the URLs and the refusal to drop anything the
 * tests did not create are the same for every product.
 */
public abstract class SharedTestServer {

    private static final String TEST_DATABASE_PREFIX = "conduit_test_";

    private final String product;
    private final Pattern jdbcUrl;
    private final String adminUrl;
    private final String user;
    private final String password;

    /** {@code urlScheme} is the JDBC URL's scheme up to the host, for example {@code jdbc:postgresql://}. */
    protected SharedTestServer(String product, String urlScheme, String adminUrl, String user, String password) {
        this.product = product;
        this.jdbcUrl = Pattern.compile("^(" + Pattern.quote(urlScheme) + "[^/]+/)([^?]*)(\\?.*)?$");
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The product's name, such as {@code MariaDB}; also what a parameterized test shows for this server. */
    public String product() {
        return product;
    }

    @Override
    public String toString() {
        return product;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The URL the tests administer the server through, without a test database. */
    protected String adminUrl() {
        return adminUrl;
    }

    /** A connection through the administrative URL, for tests that act as an operator. */
    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(adminUrl, credentials());
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

    /** Creates an empty database with a unique name and returns its JDBC URL. */
    public abstract String createDatabase();

    /** A connection as the server's user to the database at {@code url} on this server. */
    public Connection connectTo(String url) throws SQLException {
        return DriverManager.getConnection(matchUrl(url).group(0), credentials());
    }

    /** Whether a database of that name exists on this server. */
    public boolean databaseExists(String name) {
        try (Connection c = connectAsAdmin(); var query = c.prepareStatement(databaseExistsQuery())) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(product + " test server could not list its databases: " + e.getMessage(),
                    e);
        }
    }

    /** A query with one parameter, a database name, that returns a row when that database exists. */
    protected abstract String databaseExistsQuery();

    /** The server's {@code max_connections}. */
    public int maxConnections() {
        try (Connection c = connectAsAdmin(); var rows = c.createStatement().executeQuery(maxConnectionsQuery())) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(product + " test server did not say its max_connections: "
                    + e.getMessage(), e);
        }
    }

    /** A query that returns the server's {@code max_connections} as an integer. */
    protected abstract String maxConnectionsQuery();

    /**
     * Creates a user that may log in with {@code password} from anywhere and holds no other privilege; for tests
     * that grant it what they need, and drop it with {@link #dropLogin}. Both must be plain words.
     */
    public void createLogin(String user, String password) {
        execute(createLoginStatement(plain(user), plain(password)));
    }

    /** Drops a user {@link #createLogin} made, if it exists. */
    public void dropLogin(String user) {
        execute(dropLoginStatement(plain(user)));
    }

    protected abstract String createLoginStatement(String user, String password);

    protected abstract String dropLoginStatement(String user);

    private static String plain(String word) {
        if (!word.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a plain word: " + word);
        }
        return word;
    }

    /** Drops a database made by this server's {@code createDatabase}, refusing any other. */
    public void dropDatabase(String url) {
        Matcher m = matchUrl(url);
        String name = m.group(2);
        if (!name.startsWith(TEST_DATABASE_PREFIX)) {
            throw new IllegalArgumentException("refusing to drop a database these tests did not create: " + name);
        }
        execute(dropStatement(name));
    }

    /** The statement that drops the test database {@code name}. */
    protected abstract String dropStatement(String name);

    /** The server's product and version from {@code versionQuery}, or why it could not be asked. */
    protected String version(String versionQuery) {
        try (Connection c = connectAsAdmin(); var rs = c.createStatement().executeQuery(versionQuery)) {
            return rs.next() ? product + " " + rs.getString(1) : "unknown version";
        } catch (SQLException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }

    /** A database name no other test uses. */
    protected static String newDatabaseName() {
        return TEST_DATABASE_PREFIX + UUID.randomUUID().toString().replace("-", "");
    }

    /** Runs an administrative statement; a refusal fails the test with the statement and the server's reason. */
    protected void execute(String sql) {
        try (Connection c = connectAsAdmin(); var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(product + " test server refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of {@code database} on this server, with the administrative URL's parameters. */
    public String urlFor(String database) {
        Matcher m = jdbcUrl.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("cannot derive a database URL from " + adminUrl);
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    private Matcher matchUrl(String url) {
        Matcher m = jdbcUrl.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + product + " JDBC URL: " + url);
        }
        return m;
    }
}
