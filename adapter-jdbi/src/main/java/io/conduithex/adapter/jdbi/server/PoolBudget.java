package io.conduithex.adapter.jdbi.server;

/**
 * The connections every instance's pool may open together, against the server's {@code max_connections}: the
 * one budget rule {@code doctor} and the admin diagnostics both apply. The budget should stay under
 * {@value #LIMIT_PERCENT}% of the limit; the rest is for admin sessions, migrations and tools.
 *
 * @param poolSize  DB_POOL_SIZE, the connections one instance's pool may open
 * @param instances INSTANCES, how many application instances share the database
 */
public record PoolBudget(int poolSize, int instances) {
    public static final int LIMIT_PERCENT = 80;

    /** DB_POOL_SIZE x INSTANCES. */
    public long connections() {
        return (long) poolSize * instances;
    }

    /** {@value #LIMIT_PERCENT}% of {@code maxConnections}, rounded down. */
    public long limit(int maxConnections) {
        return (long) maxConnections * LIMIT_PERCENT / 100;
    }

    /** The budget as a share of {@code maxConnections}, in percent to one decimal. */
    public double percentOf(int maxConnections) {
        return Math.round(1000.0 * connections() / maxConnections) / 10.0;
    }

    /** Whether the budget stays under {@link #limit}. */
    public boolean fits(int maxConnections) {
        return connections() < limit(maxConnections);
    }
}
