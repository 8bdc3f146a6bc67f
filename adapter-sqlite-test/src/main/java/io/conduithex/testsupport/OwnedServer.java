package io.conduithex.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database server that a test owns outright ({@link io.conduithex.testsupport.postgres.OwnedPostgres},
 * {@link io.conduithex.testsupport.mariadb.OwnedMariaDb}), unlike the shared ones: on a port fixed for its life, with
 * a data directory of its own that survives {@link #stop()} and {@link #start()}, so that a test may take the
 * database away under a running application and bring it back with every committed row.
 */
public interface OwnedServer extends AutoCloseable {

    int port();

    /** Starts the stopped server again on its port and data directory; returns once it accepts logins. */
    void start();

    /** A clean shutdown: sessions end, committed work is kept; returns once the server is down. */
    void stop();

    boolean isRunning();

    /** The superuser, which logs in without a password. */
    String user();

    /** A superuser connection of its own to {@code database}, outside any pool. The caller closes it. */
    Connection connect(String database) throws SQLException;

    /** Stops the server if it runs and deletes its data. Idempotent. */
    @Override
    void close();
}
