package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.OwnedServer;
import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.kit.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server that the tests start themselves from the installed binaries ({@code mariadb-install-db} and
 * {@code mariadbd}, Debian's {@code mariadb-server}, which {@code bin/verify} installs): a data directory of its
 * own, made by {@code mariadb-install-db}, on a port fixed for its whole life (reached at 127.0.0.1) and a socket
 * of its own, so it never meets the system's server. {@code root} logs in without a password over TCP.
 *
 * <p>MariaDB refuses to run as root: as root, the directory is handed to the {@code mysql} user and both programs
 * are told to run as it ({@code --user=mysql}). The data directory lives on tmpfs ({@code /dev/shm}) where there is
 * one, and InnoDB writes its log at commit without flushing it ({@code innodb_flush_log_at_trx_commit=2}) and
 * without the doublewrite buffer: a throwaway server for tests only, which a crash of the machine may cost its
 * last second of commits. A clean {@link #stop()} loses nothing, and {@link #start()} comes back with every row.
 *
 * <p>{@link #launchWithTls()} starts one that also offers TLS, with a self-signed certificate made for it.
 *
 * <p>{@link #start()}, {@link #stop()} and {@link #close()} are synchronized.
 */
public final class OwnedMariaDb implements OwnedServer {
    /** The superuser mariadb-install-db creates; it logs in without a password here. */
    public static final String USER = "root";
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Path directory;
    private final int port;
    private final boolean asRoot;
    private final boolean tls;
    private final boolean performanceSchema;
    private SelfSignedCertificate certificate;
    private Process server;
    private boolean closed;

    private OwnedMariaDb(Path directory, int port, boolean asRoot, boolean tls, boolean performanceSchema) {
        this.directory = directory;
        this.port = port;
        this.asRoot = asRoot;
        this.tls = tls;
        this.performanceSchema = performanceSchema;
    }

    /** Whether the binaries this class runs are installed. */
    public static boolean binariesInstalled() {
        return Files.isExecutable(INSTALL_DB) && Files.isExecutable(SERVER);
    }

    /** Creates a data directory, runs mariadb-install-db and starts the server on a free port. */
    public static OwnedMariaDb launch() {
        return launch(false);
    }

    /**
     * Like {@link #launch()}, and the server offers TLS with a self-signed certificate for 127.0.0.1 made for it
     * ({@link #certificate()}): a client that asks for TLS gets it; the server does not insist, except for users
     * created {@code REQUIRE SSL}.
     */
    public static OwnedMariaDb launchWithTls() {
        return launch(true, false);
    }

    /**
     * Creates a data directory, runs mariadb-install-db and starts the server on a free port. With
     * {@code performanceSchema}, {@code performance_schema} is on (it is off by default, and costs the server about
     * 140 MB): then {@code performance_schema.session_connect_attrs} shows the {@code program_name} each session
     * logged in with, by which an operator finds the application's sessions, as {@code application_name} on
     * PostgreSQL.
     */
    public static OwnedMariaDb launch(boolean performanceSchema) {
        return launch(false, performanceSchema);
    }

    private static OwnedMariaDb launch(boolean tls, boolean performanceSchema) {
        if (!binariesInstalled()) {
            throw new IllegalStateException(INSTALL_DB + " or " + SERVER
                    + " is missing: install Debian's mariadb-server (bin/verify does)");
        }
        Path directory = newDirectory();
        var owned = new OwnedMariaDb(directory, FreePort.pick(), "root".equals(System.getProperty("user.name")), tls,
                performanceSchema);
        try {
            owned.install();
            owned.start();
        } catch (RuntimeException e) {
            owned.deleteDirectory(e);
            throw e;
        }
        return owned;
    }

    private static Path newDirectory() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "conduit-mariadb")
                    : Files.createTempDirectory("conduit-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for MariaDB", e);
        }
    }

    /** The options both programs get: this server's files only, never the system's configuration. */
    private List<String> serverOptions() {
        return List.of(
                "--datadir=" + directory.resolve("data"),
                "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"),
                // Internal temporary tables in a folder of its own, not in the /tmp every other server shares.
                "--tmpdir=" + directory.resolve("tmp"),
                "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M",
                "--innodb-log-file-size=32M",
                // Tests only (see the class comment): no flush at commit, no doublewrite.
                "--innodb-flush-log-at-trx-commit=2",
                "--innodb-doublewrite=0",
                "--character-set-server=utf8mb4",
                "--max-connections=500");
    }

    private void install() {
        try {
            Files.createDirectories(directory.resolve("data"));
            if (tls) {
                certificate = SelfSignedCertificate.createIn(directory.resolve("tls"));
            }
            Files.createDirectories(directory.resolve("tmp"));
            handToMysqlUser();
            List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults"));
            command.addAll(serverOptions());
            command.addAll(List.of("--auth-root-authentication-method=normal", "--skip-test-db"));
            if (asRoot) {
                command.add("--user=mysql");
            }
            Path log = directory.resolve("install.log");
            Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!install.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db did not finish: " + Files.readString(log));
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed (exit " + install.exitValue() + "): "
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run mariadb-install-db", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing MariaDB", e);
        }
    }

    /** As root, the mysql user must own the directory the server writes, and every folder above it must let it in. */
    private void handToMysqlUser() throws IOException {
        if (!asRoot) {
            return;
        }
        UserPrincipal mysql = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mysql");
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.setOwner(file, mysql);
            }
        }
    }

    /** Starts the server on its port and data directory; returns once it accepts logins. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this MariaDB server is closed");
        }
        if (server != null) {
            throw new IllegalStateException("MariaDB is already running on port " + port);
        }
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults"));
        command.addAll(serverOptions());
        command.addAll(List.of("--port=" + port, "--bind-address=127.0.0.1",
                "--log-error=" + directory.resolve("error.log")));
        if (tls) {
            command.addAll(List.of("--ssl-cert=" + certificate.certificate(), "--ssl-key=" + certificate.privateKey()));
        }
        if (performanceSchema) {
            // Room for every attribute Connector/J sends (its own, then program_name): past the limit, attributes
            // are dropped, and the program's name might be among them.
            command.addAll(List.of("--performance-schema=ON", "--performance-schema-session-connect-attrs-size=2048"));
        }
        if (asRoot) {
            command.add("--user=mysql");
        }
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start mariadbd", e);
        }
        awaitLogin();
    }

    private void awaitLogin() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            try (Connection ignored = connect("")) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                    String log = errorLog();
                    stopQuietly();
                    throw new IllegalStateException("MariaDB did not accept logins on port " + port + ": "
                            + notYet.getMessage() + "\n" + log);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopQuietly();
                    throw new IllegalStateException("interrupted while starting MariaDB", e);
                }
            }
        }
    }

    private String errorLog() {
        try {
            Path log = directory.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log)";
        } catch (IOException e) {
            return "(error log unreadable: " + e.getMessage() + ")";
        }
    }

    /** A clean shutdown (SIGTERM): sessions end, InnoDB writes what committed and exits; returns once it is down. */
    public synchronized void stop() {
        if (server == null) {
            throw new IllegalStateException("MariaDB is not running");
        }
        Process running = server;
        server = null;
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    private void stopQuietly() {
        if (server != null) {
            stop();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** The server's certificate, for a client that verifies it ({@code sslMode=verify-ca}, {@code serverSslCert}). */
    public SelfSignedCertificate certificate() {
        if (certificate == null) {
            throw new IllegalStateException("this MariaDB server was launched without TLS");
        }
        return certificate;
    }

    public String user() {
        return USER;
    }

    /** The JDBC URL of {@code database} (empty for none) on this server, by address 127.0.0.1. */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection of its own to {@code database} (empty for none), outside any pool. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    /** Stops the server if it runs and deletes its files. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopQuietly();
        } finally {
            deleteDirectory(null);
        }
    }

    private void deleteDirectory(RuntimeException failure) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new UncheckedIOException("could not delete " + directory, e);
            }
        }
    }
}
