package io.conduithex.bootstrap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * DATABASE_URL at a SQLite file of its own for each test, in a folder it removes afterwards.
 */
final class CommandLineRun implements BeforeEachCallback, AfterEachCallback {
    private final Map<String, String> propertiesBefore = new HashMap<>();
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
        if (folder != null) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            folder = null;
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
