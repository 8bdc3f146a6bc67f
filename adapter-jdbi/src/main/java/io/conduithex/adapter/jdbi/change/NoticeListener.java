package io.conduithex.adapter.jdbi.change;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.domain.port.persistence.ChangeListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears other instances' committed changes: one thread holding one connection of its own (not from the pool, whose
 * connections PgBouncer-style reuse or a retirement could take away; {@code application_name} suffixed
 * {@value #NAME_SUFFIX}) that {@code LISTEN}s on {@link ChangeNotices#CHANNEL} and hands every notice another
 * instance sent to the {@link ChangeListener}. Its own instance's notices are skipped: that instance reported
 * them synchronously when it committed.
 *
 * <p>The listener is {@linkplain ChangeListener#outOfTouch out of touch} until {@code LISTEN} has taken effect, and
 * again from the moment the connection fails (an error, the server ending the session, or no answer to the
 * liveness check it runs when the channel has been quiet): then it connects again, after a pause that doubles up to
 * {@link #LONGEST_PAUSE}, and is {@linkplain ChangeListener#inTouch in touch} once listening again. Thread-safe;
 * {@link #close()} stops it.
 */
public final class NoticeListener implements AutoCloseable {
    static final String NAME_SUFFIX = "-listen";
    private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    /** How long one wait for notices lasts: also how soon a close is noticed. */
    private static final int POLL_MILLIS = 100;
    /** A channel quiet this long gets a liveness check: a dead network raises no error by itself. */
    private static final long QUIET_NANOS = Duration.ofSeconds(2).toNanos();
    private static final int CHECK_TIMEOUT_SECONDS = 2;
    private static final int SOCKET_TIMEOUT_SECONDS = 10;

    private final DatabaseSettings settings;
    private final String instance;
    private final ChangeListener listener;
    private final Thread thread;
    private final Object pause = new Object();
    private volatile boolean closed;

    private NoticeListener(DatabaseSettings settings, String instance, ChangeListener listener) {
        this.settings = settings;
        this.instance = instance;
        this.listener = listener;
        this.thread = new Thread(this::run, "conduit-change-notices");
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening on the PostgreSQL database {@code settings} reach directly (not through PgBouncer in
     * transaction mode, which cannot keep a session's {@code LISTEN}).
     *
     * @param instance the sender name of this instance's own notices, to skip
     */
    public static NoticeListener start(DatabaseSettings settings, String instance, ChangeListener listener) {
        var started = new NoticeListener(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(instance, "instance"), Objects.requireNonNull(listener, "listener"));
        started.thread.start();
        return started;
    }

    private void run() {
        long pauseMillis = FIRST_PAUSE.toMillis();
        boolean reportedFailure = false;
        while (!closed) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + ChangeNotices.CHANNEL);
                }
                // In autocommit mode LISTEN is in effect once it returns: every commit from here on is heard.
                listener.inTouch();
                log.info("Listening for other instances' changes on channel {}", ChangeNotices.CHANNEL);
                pauseMillis = FIRST_PAUSE.toMillis();
                reportedFailure = false;
                hear(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                String reason = describe(e);
                listener.outOfTouch(reason);
                if (!reportedFailure) {
                    log.warn("Not hearing other instances' changes ({}); what depends on them is forgotten until"
                            + " listening again; trying again in {} ms", reason, pauseMillis);
                    reportedFailure = true;
                } else {
                    log.debug("Still not hearing other instances' changes ({}); trying again in {} ms", reason,
                            pauseMillis);
                }
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
            }
        }
    }

    /** Hands on notices until the connection fails (throws) or the listener is closed (returns). */
    private void hear(Connection connection) throws SQLException {
        PGConnection notices = connection.unwrap(PGConnection.class);
        long lastSign = System.nanoTime();
        while (!closed) {
            PGNotification[] received = notices.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                for (PGNotification notice : received) {
                    deliver(notice.getParameter());
                }
                lastSign = System.nanoTime();
            } else if (System.nanoTime() - lastSign > QUIET_NANOS) {
                if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection did not answer within "
                            + CHECK_TIMEOUT_SECONDS + " s");
                }
                lastSign = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        var notice = ChangeNotices.read(payload);
        if (notice.isEmpty() || notice.get().sender().equals(instance)) {
            return;
        }
        try {
            listener.committed(notice.get().changes());
        } catch (RuntimeException e) {
            log.error("The change listener failed on another instance's changes {}", notice.get().changes(), e);
        }
    }

    private Connection connect() throws SQLException {
        var source = new PGSimpleDataSource();
        source.setURL(settings.url());
        if (settings.user() != null) {
            source.setUser(settings.user());
        }
        if (settings.password() != null) {
            source.setPassword(settings.password());
        }
        source.setApplicationName(settings.applicationName() + NAME_SUFFIX);
        int waitSeconds = (int) Math.max(1, (settings.poolTimeout().toMillis() + 999) / 1000);
        source.setConnectTimeout(waitSeconds);
        source.setLoginTimeout(waitSeconds);
        source.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        source.setTcpKeepAlive(true);
        Connection connection = source.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    private void sleep(long millis) {
        synchronized (pause) {
            if (closed) {
                return;
            }
            try {
                pause.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /** A short reason without secrets: driver messages name hosts and users, never passwords. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** Stops listening and closes the connection; waits briefly for the thread. Idempotent. */
    @Override
    public void close() {
        closed = true;
        synchronized (pause) {
            pause.notifyAll();
        }
        try {
            thread.join(Duration.ofMillis(POLL_MILLIS).plusSeconds(CHECK_TIMEOUT_SECONDS + 1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
