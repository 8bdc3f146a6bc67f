package io.conduithex.adapter.jdbi.server;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** MariaDB's facts, from its system variables and the session's status. */
final class MariaDbServerFacts implements ServerFacts {
    /**
     * The migrations need descending indexes (10.8) and INSERT ... RETURNING (10.5), and they rely on MariaDB's
     * CHECK constraints and triggers, which MySQL does not share.
     */
    static final int MINIMUM_MAJOR = 10;
    static final int MINIMUM_MINOR = 8;
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.");

    @Override
    public String product() {
        return "MariaDB";
    }

    @Override
    public String version(Handle handle) {
        return handle.createQuery("SELECT VERSION()").mapTo(String.class).one();
    }

    @Override
    public Optional<Boolean> tlsInUse(Handle handle) {
        // The cipher of this session's TLS connection, empty on a plain one.
        String cipher = handle.createQuery("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                        + " WHERE VARIABLE_NAME = 'SSL_CIPHER'")
                .mapTo(String.class).findOne().orElse("");
        return Optional.of(!cipher.isBlank());
    }

    @Override
    public OptionalInt maxConnections(Handle handle) {
        return OptionalInt.of(handle.createQuery("SELECT @@GLOBAL.max_connections").mapTo(Integer.class).one());
    }

    @Override
    public long clockMillis(Handle handle) {
        // SYSDATE, not NOW: the time of this statement, not of the transaction's start.
        return handle.createQuery("SELECT CAST(UNIX_TIMESTAMP(SYSDATE(3)) * 1000 AS SIGNED)").mapTo(Long.class).one();
    }

    /** Refuses MySQL and MariaDB older than 10.8 (see {@link #MINIMUM_MINOR}). */
    @Override
    public void requireSupported(Handle handle) {
        String version = version(handle);
        Matcher numbers = VERSION.matcher(version);
        if (!version.contains("MariaDB") || !numbers.find()) {
            throw new IllegalStateException("MariaDB " + MINIMUM_MAJOR + "." + MINIMUM_MINOR
                    + " or later is required; the server reports version " + version);
        }
        int major = Integer.parseInt(numbers.group(1));
        int minor = Integer.parseInt(numbers.group(2));
        if (major < MINIMUM_MAJOR || (major == MINIMUM_MAJOR && minor < MINIMUM_MINOR)) {
            throw new IllegalStateException("MariaDB " + MINIMUM_MAJOR + "." + MINIMUM_MINOR
                    + " or later is required; the server runs " + version);
        }
    }
}
