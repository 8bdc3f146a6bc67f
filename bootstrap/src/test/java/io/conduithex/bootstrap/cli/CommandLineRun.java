package io.conduithex.bootstrap.cli;

import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.postgres.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * DATABASE_URL at a SQLite file of its own for each test, in a folder it removes afterwards; the PostgreSQL
 * databases a test is pointed at with {@link #onFreshPostgresDatabase()} or {@link #dropAfterTheTest} are dropped
 * after it.
 */
final class CommandLineRun implements BeforeEachCallback, AfterEachCallback {
    /** The password {@link #onUnreachablePostgres()} configures: no output may ever show it. */
    static final String NEVER_PRINTED = "never-printed";

    private final Map<String, String> propertiesBefore = new HashMap<>();
    private final List<String> databasesToDrop = new ArrayList<>();
    private final boolean freshSqliteFile;
    private Path folder;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    CommandLineRun() {
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

    CommandLineRun configure(String name, String value) {
        propertiesBefore.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
        return this;
    }

    /**
     * Points the run at {@code url} on {@code server} as the server's user: DATABASE_URL, DATABASE_USER and, when the
     * server has a password, DATABASE_PASSWORD.
     */
    CommandLineRun onPostgres(PostgresServer server, String url) {
        configure("DATABASE_URL", url).configure("DATABASE_USER", server.user());
        if (server.password() != null) {
            configure("DATABASE_PASSWORD", server.password());
        }
        return this;
    }

    /** Points the run at a new, empty database on the shared PostgreSQL server, dropped after the test. */
    String onFreshPostgresDatabase() {
        var server = PostgresServer.shared();
        String url = server.createDatabase();
        dropAfterTheTest(url);
        onPostgres(server, url);
        return url;
    }

    /** Drops the database at {@code url} from the shared PostgreSQL server after the test, if it exists by then. */
    void dropAfterTheTest(String url) {
        databasesToDrop.add(url);
    }

    /**
     * Points the run at a PostgreSQL database on a local port that refuses connections, as user "conduit" with the
     * password {@link #NEVER_PRINTED}; returns the port.
     */
    int onUnreachablePostgres() {
        int port = FreePort.pick();
        configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/conduit")
                .configure("DATABASE_USER", "conduit")
                .configure("DATABASE_PASSWORD", NEVER_PRINTED);
        return port;
    }

    /** Runs one command; what it prints replaces what the previous run printed. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return ConduitCommandLine.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    String out() {
        return out.toString();
    }

    List<String> outLines() {
        return out.toString().lines().toList();
    }

    String err() {
        return err.toString();
    }

    List<String> errLines() {
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
            for (String url : databasesToDrop) {
                PostgresServer.shared().dropDatabase(url);
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
