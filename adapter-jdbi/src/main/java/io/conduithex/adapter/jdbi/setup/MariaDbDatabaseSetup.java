package io.conduithex.adapter.jdbi.setup;

import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prepares a MariaDB server for the application before the first migration: creates the database that DATABASE_URL
 * names when it is missing, in utf8mb4 with the collation the migrations give every table; and, when a migration
 * user is set and DATABASE_USER names another user, the application's account (the one DATABASE_USER logs in as
 * with DATABASE_PASSWORD, else {@code 'user'@'%'}, created) and the row privileges it needs on that database
 * (SELECT, INSERT, UPDATE, DELETE), nothing more. Logs in to the server, without a database, as the migration user when one is set, else as the application
 * user. Idempotent: what exists is left alone (an existing account keeps its password and any other privileges).
 *
 * <p>Names go into the statements as text, since MariaDB takes no bind parameters for them: each is checked against
 * a strict pattern first, so that none can carry a quote, a backslash or a wildcard, and then quoted. The password
 * never appears in a statement either: the account is created from its {@code mysql_native_password} hash.
 *
 * <p>The migrations' triggers need nothing from the application's account: MariaDB runs a trigger with the rights of
 * its definer, the migration user that created it.
 */
public final class MariaDbDatabaseSetup {

    /** The character set and collation of the database setup creates; every table the migrations make names the same. */
    public static final String CHARACTER_SET = "utf8mb4";
    public static final String COLLATION = "utf8mb4_nopad_bin";
    /** What the application's account may do on its database: read and write rows, never change the schema. */
    public static final List<String> APPLICATION_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE");
    /** The host part of the account setup creates: any host, since setup cannot know where the server runs. */
    public static final String APPLICATION_HOST = "%";

    private static final Pattern URL = Pattern.compile("^(jdbc:mariadb:(?:[a-z]+:)?//[^/?]*/)([^?]*)(\\?.*)?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * Database names we create are plain identifiers of at most 64 characters (MariaDB's limit): no quote, backslash
     * or GRANT wildcard (% cannot occur, _ is escaped below) can slip in.
     */
    private static final int MAX_IDENTIFIER = 64;
    /** User names we create: MariaDB allows 80 characters; these are the ones that need no escaping in a literal. */
    private static final Pattern USER = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$");
    /** An account's host: a name, an address, a pattern with % or _, a netmask; nothing that needs escaping. */
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9._%:/-]{1,255}$");
    /** Error 1045 ER_ACCESS_DENIED_ERROR: no account matches this user, host and password. */
    private static final int ACCESS_DENIED = 1045;
    /**
     * Error 1698 ER_ACCESS_DENIED_NO_PASSWORD_ERROR: the same refusal, as the server words it when an authentication
     * plugin (not the password check) refused; seen once on CI for an account that did not exist yet.
     */
    private static final int ACCESS_DENIED_BY_PLUGIN = 1698;
    /** Error 1973 ER_USER_CREATE_EXISTS, the note CREATE USER IF NOT EXISTS leaves when the account is there. */
    private static final int USER_EXISTS = 1973;

    private final DatabaseSettings settings;

    public MariaDbDatabaseSetup(DatabaseSettings settings) {
        if (settings.dialect() != Dialect.MARIADB) {
            throw new IllegalArgumentException("not a MariaDB URL");
        }
        this.settings = settings;
    }

    /**
     * What setup did.
     *
     * @param database     the database name from the URL
     * @param created      whether this run created it
     * @param characterSet the database's default character set, as it is now
     * @param collation    the database's default collation, as it is now
     * @param application  the application's account, when setup manages one
     */
    public record Outcome(String database, boolean created, String characterSet, String collation,
                          Optional<ApplicationAccount> application) {
    }

    /**
     * The application's account and what this run did to it.
     *
     * @param account  the account as MariaDB writes it, {@code 'conduit_app'@'%'}
     * @param created  whether this run created it
     * @param granted  the privileges on the database this run granted; empty when it held them all
     */
    public record ApplicationAccount(String account, boolean created, List<String> granted) {
    }

    /**
     * The database name in a MariaDB JDBC URL, checked to be a plain lower-case identifier.
     *
     * @throws IllegalArgumentException naming the problem when the URL names no database or an unusual one
     */
    public static String databaseName(String url) {
        return ServerUrl.plainDatabaseName(URL, url, "jdbc:mariadb://host:port/name", MAX_IDENTIFIER);
    }

    /** The same server and options, without a database. */
    static String serverUrl(String url) {
        return ServerUrl.parse(URL, url).withDatabase("");
    }

    /** Whether setup manages the application's account: a migration user is set and DATABASE_USER is another. */
    public static boolean managesApplicationUser(DatabaseSettings settings) {
        return settings.migrationUser() != null && settings.user() != null
                && !settings.user().equals(settings.migrationUser());
    }

    /** Creates the database, and the application's account with its privileges, where they are missing. */
    public Outcome run() throws SQLException {
        String name = databaseName(settings.url());
        String user = managesApplicationUser(settings) ? checkedUser(settings.user()) : null;
        boolean setupAsMigrationUser = settings.migrationUser() != null;
        try (Connection server = connect(setupAsMigrationUser ? settings.migrationUser() : settings.user(),
                setupAsMigrationUser ? settings.migrationPassword() : settings.password(), "-setup")) {
            boolean created = false;
            if (defaults(server, name).isEmpty()) {
                try (var statement = server.createStatement()) {
                    statement.execute("CREATE DATABASE " + quoted(name) + " CHARACTER SET " + CHARACTER_SET
                            + " COLLATE " + COLLATION);
                }
                created = true;
            }
            String[] defaults = defaults(server, name).orElseThrow(() -> new SQLException(
                    "database " + name + " is not visible to the setup user after setup"));
            Optional<ApplicationAccount> application = user == null ? Optional.empty()
                    : Optional.of(prepareApplicationAccount(server, user, name));
            return new Outcome(name, created, defaults[0], defaults[1], application);
        }
    }

    /**
     * The application's account: the one DATABASE_USER logs in as with DATABASE_PASSWORD when there is one (made by
     * an operator for a narrower host, say), else {@code 'user'@'%'}, created; then the row privileges it lacks on
     * the database, read as that account (every account may read its own grants) and granted to it.
     */
    private ApplicationAccount prepareApplicationAccount(Connection server, String user, String database)
            throws SQLException {
        if (settings.password() == null) {
            throw new IllegalArgumentException("DATABASE_PASSWORD must be set for setup to create or check the "
                    + "application user " + account(user, APPLICATION_HOST));
        }
        Connection existing = loginUnlessRefused(user);
        boolean created = existing == null && createUnlessExists(server, account(user, APPLICATION_HOST));
        try (Connection asApplication = existing != null ? existing : login(user)) {
            String account = currentAccount(asApplication, user);
            Set<String> missing = new LinkedHashSet<>(APPLICATION_PRIVILEGES);
            missing.removeAll(privilegesHeld(asApplication, account, database));
            if (!missing.isEmpty()) {
                try (var statement = server.createStatement()) {
                    statement.execute("GRANT " + String.join(", ", missing) + " ON " + grantPattern(database)
                            + ".* TO " + account);
                }
            }
            return new ApplicationAccount(account, created, List.copyOf(missing));
        }
    }

    /** A connection as the application user, or null when the server refuses the login (no such account). */
    private Connection loginUnlessRefused(String user) throws SQLException {
        try {
            return connect(user, settings.password(), "-setup-check");
        } catch (SQLException e) {
            if (refused(e)) {
                return null;
            }
            throw e;
        }
    }

    /** A login refused (by code, or by SQLSTATE class 28, invalid authorization), here or in a cause the driver kept. */
    private static boolean refused(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ACCESS_DENIED
                    || sql.getErrorCode() == ACCESS_DENIED_BY_PLUGIN
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("28")))) {
                return true;
            }
        }
        return false;
    }

    private Connection login(String user) throws SQLException {
        try {
            return connect(user, settings.password(), "-setup-check");
        } catch (SQLException e) {
            throw new SQLException("could not log in as the application user " + account(user, APPLICATION_HOST)
                    + " with DATABASE_PASSWORD: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /**
     * {@code CREATE USER IF NOT EXISTS}: an existing account keeps its password and privileges, and the server says
     * so in a note rather than an error, which tells the two cases apart without reading the grant tables (which the
     * setup user may not be allowed to).
     */
    private boolean createUnlessExists(Connection server, String account) throws SQLException {
        try (var statement = server.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY PASSWORD '"
                    + nativePasswordHash(settings.password()) + "'");
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                if (w.getErrorCode() == USER_EXISTS) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The account the server matched the application's login to, quoted: {@code 'conduit_app'@'%'}. Refused when it
     * is not DATABASE_USER's (an anonymous account matched instead), since setup would grant to the wrong one.
     */
    private static String currentAccount(Connection asApplication, String user) throws SQLException {
        String current;
        try (var rows = asApplication.createStatement().executeQuery("SELECT CURRENT_USER()")) {
            rows.next();
            current = rows.getString(1);
        }
        int at = current.lastIndexOf('@');
        String host = at < 0 ? "" : current.substring(at + 1);
        if (at < 0 || !current.substring(0, at).equals(user) || !HOST.matcher(host).matches()) {
            throw new SQLException("DATABASE_USER " + user + " logs in as the account " + current
                    + ", not one of its own (an anonymous account matches first?); drop that account or create "
                    + account(user, APPLICATION_HOST) + " yourself");
        }
        return account(user, host);
    }

    private static Set<String> privilegesHeld(Connection asApplication, String account, String database)
            throws SQLException {
        Set<String> held = new LinkedHashSet<>();
        try (var query = asApplication.prepareStatement("SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES"
                + " WHERE GRANTEE = ? AND TABLE_SCHEMA IN (?, ?)")) {
            query.setString(1, account);
            query.setString(2, database);
            query.setString(3, database.replace("_", "\\_"));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getString(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return held;
    }

    /** The database's default character set and collation, or empty when it does not exist. */
    private static Optional<String[]> defaults(Connection server, String database) throws SQLException {
        try (var query = server.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, database);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2)}) : Optional.empty();
            }
        }
    }

    private static String checkedUser(String user) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("DATABASE_USER \"" + user + "\" is not a plain user name (letters, "
                    + "digits, _, . and -, at most 80 characters); create the user yourself and run setup again");
        }
        return user;
    }

    /** {@code 'user'@'host'}: both are checked against strict patterns, so they need no escaping inside the quotes. */
    static String account(String user, String host) {
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a plain host: " + host);
        }
        return "'" + checkedUser(user) + "'@'" + host + "'";
    }

    private static String quoted(String database) {
        if (!ServerUrl.isPlainIdentifier(database, MAX_IDENTIFIER)) {
            throw new IllegalArgumentException("not a plain identifier: " + database);
        }
        return "`" + database + "`";
    }

    /** In a database-level GRANT, {@code _} is a wildcard (one character): escaped, the grant covers this database only. */
    static String grantPattern(String database) {
        return quoted(database).replace("_", "\\_");
    }

    /** MariaDB's {@code mysql_native_password} hash: {@code *} and SHA1(SHA1(password)) in upper-case hex. */
    static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** A connection to the server without a database, with the URL's options (TLS among them) untouched. */
    private Connection connect(String user, String password, String purpose) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(settings.poolTimeout().toMillis()));
        properties.setProperty("connectionAttributes", "program_name:" + settings.applicationName() + purpose);
        properties.setProperty("sessionVariables", PoolFactory.mariaDbSession(settings, false));
        return DriverManager.getConnection(serverUrl(settings.url()), properties);
    }
}
