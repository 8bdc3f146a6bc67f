package io.conduithex.bootstrap.cli;

import io.conduithex.testsupport.SharedTestServer;
import io.conduithex.testsupport.kit.FreePort;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the command line in-process, as {@code java -jar conduit.jar ...} would, with configuration given as system
 * properties (which override the environment); captures what each run prints. Register it with
 * {@code @RegisterExtension}: it puts the properties back after each test. {@link #onFreshSqliteFile()} also points
 * DATABASE_URL at a SQLite file of its own for each test, in a folder it removes afterwards; the server databases a
 * test is pointed at with {@link #onFresh} or {@link #dropAfterTheTest} are dropped after it.
 */
public final class CommandLineRun implements BeforeEachCallback, AfterEachCallback {
    /** The password {@link #onUnreachable} configures: no output may ever show it. */
    public static final String NEVER_PRINTED = "never-printed";

    private final Map<String, String> propertiesBefore = new HashMap<>();
    private final List<Map.Entry<SharedTestServer, String>> databasesToDrop = new ArrayList<>();
    private final boolean freshSqliteFile;
    private Path folder;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    public CommandLineRun() {
        this(false);
    }

    private CommandLineRun(boolean freshSqliteFile) {
        this.freshSqliteFile = freshSqliteFile;
    }

    /** A run whose DATABASE_URL names a SQLite file that does not exist yet, new for each test. */
    static CommandLineRun onFreshSqliteFile() {
        return new CommandLineRun(true);
    }

    /** The SQLite file of {@link #onFreshSqliteFile()}. */
    Path database() {
        if (folder == null) {
            throw new IllegalStateException("not a run on a fresh SQLite file, or no test is running");
        }
        return folder.resolve("conduit.db");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (freshSqliteFile) {
            folder = Files.createTempDirectory("conduit-cli-test");
            configure("DATABASE_URL", "jdbc:sqlite:" + database());
        }
    }

    public CommandLineRun configure(String name, String value) {
        propertiesBefore.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
        return this;
    }

    /**
     * Points the run at {@code url} on {@code server} as the server's user: DATABASE_URL, DATABASE_USER and, when the
     * server has a password, DATABASE_PASSWORD.
     */
    public CommandLineRun onServer(SharedTestServer server, String url) {
        configure("DATABASE_URL", url).configure("DATABASE_USER", server.user());
        if (server.password() != null) {
            configure("DATABASE_PASSWORD", server.password());
        }
        return this;
    }

    /**
     * Points the run at a new, empty database of that kind, removed or dropped after the test, and returns its URL:
     * on SQLite an empty file (of {@link #database()} when this run has one), on a server a database of its own on
     * the shared test server, as the server's user.
     */
    public String onFresh(CliDatabase kind) {
        if (kind == CliDatabase.SQLITE) {
            try {
                if (folder == null) {
                    folder = Files.createTempDirectory("conduit-cli-test");
                }
                Files.createFile(database());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String url = "jdbc:sqlite:" + database();
            configure("DATABASE_URL", url);
            return url;
        }
        var server = kind.server();
        String url = server.createDatabase();
        dropAfterTheTest(server, url);
        onServer(server, url);
        return url;
    }

    /** Drops the database at {@code url} from {@code server} after the test, if it exists by then. */
    public void dropAfterTheTest(SharedTestServer server, String url) {
        databasesToDrop.add(Map.entry(server, url));
    }

    /**
     * Points the run at a database of that kind on a local port that refuses connections, as user "conduit" with the
     * password {@link #NEVER_PRINTED}; returns the port.
     */
    public int onUnreachable(CliDatabase kind) {
        int port = FreePort.pick();
        configure("DATABASE_URL", kind.urlScheme() + "127.0.0.1:" + port + "/conduit")
                .configure("DATABASE_USER", "conduit")
                .configure("DATABASE_PASSWORD", NEVER_PRINTED);
        return port;
    }

    int onUnreachablePostgres() {
        return onUnreachable(CliDatabase.POSTGRESQL);
    }

    /**
     * Runs {@code sql} on the configured database as the configured user, behind the commands' back (as a careless
     * operator might); a refusal fails the test with the statement.
     */
    void execute(String sql) {
        try (var connection = DriverManager.getConnection(System.getProperty("DATABASE_URL"),
                System.getProperty("DATABASE_USER"), System.getProperty("DATABASE_PASSWORD"));
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one command; what it prints replaces what the previous run printed. */
    public int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return ConduitCommandLine.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    public String out() {
        return out.toString();
    }

    public List<String> outLines() {
        return out.toString().lines().toList();
    }

    public String err() {
        return err.toString();
    }

    public List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        restore();
        try {
            if (folder != null) {
                try (var paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
                folder = null;
            }
        } finally {
            dropDatabases();
        }
    }

    private void dropDatabases() {
        try {
            for (var database : databasesToDrop) {
                database.getKey().dropDatabase(database.getValue());
            }
        } finally {
            databasesToDrop.clear();
        }
    }

    private void restore() {
        propertiesBefore.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        propertiesBefore.clear();
    }
}
