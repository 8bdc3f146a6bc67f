package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.kit.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PgBouncer ({@code /usr/sbin/pgbouncer}, which {@code bin/verify} installs) in transaction mode in front
 * of an {@link OwnedPostgres}, on a port of its own, trusting every user as that server does. It refuses to run as
 * root, so as root it runs as the {@code postgres} user. Closing it stops it and deletes its files.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts PgBouncer in transaction mode in front of {@code server}; returns once it accepts connections. */
    public static PgBouncer inTransactionModeBefore(OwnedPostgres server) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's pgbouncer (bin/verify does)");
        }
        int port = FreePort.pick();
        try {
            Path directory = Files.createTempDirectory("conduit-pgbouncer");
            Files.writeString(directory.resolve("userlist.txt"), "\"" + OwnedPostgres.USER + "\" \"\"\n");
            Files.writeString(directory.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "* = host=127.0.0.1 port=" + server.port(),
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir = " + directory,
                    "auth_type = trust",
                    "auth_file = " + directory.resolve("userlist.txt"),
                    "pool_mode = transaction",
                    "default_pool_size = 4",
                    "max_client_conn = 100",
                    // pgjdbc sends it at every start; PgBouncer would refuse the connection over it.
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + directory.resolve("pgbouncer.log"),
                    ""));
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.setOwner(file, postgres);
                    }
                }
            }
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.addAll(List.of(BINARY.toString(), directory.resolve("pgbouncer.ini").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile()).start();
            var bouncer = new PgBouncer(process, directory, port);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PgBouncer", e);
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} through PgBouncer. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void awaitListening() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    String log = Files.exists(directory.resolve("stdout.log"))
                            ? Files.readString(directory.resolve("stdout.log")) : "";
                    close();
                    throw new IllegalStateException("PgBouncer did not listen on port " + port + ": " + log);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting PgBouncer", e);
                }
            }
        }
    }

    @Override
    public void close() {
        // runuser passes SIGTERM on to PgBouncer, which then shuts down at once.
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
