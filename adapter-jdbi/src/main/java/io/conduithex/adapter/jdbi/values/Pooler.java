package io.conduithex.adapter.jdbi.values;

/**
 * What a PostgreSQL {@code DATABASE_URL} reaches: the server itself, or PgBouncer in transaction mode, which hands
 * each transaction whatever server connection is free. Through PgBouncer nothing may be set per session: it rejects
 * the startup parameter {@code options}, a session {@code SET} would leak to the next client of that server
 * connection, and a server-side prepared statement may not exist on the connection the next execution gets.
 */
public enum Pooler {
    /** Straight to the server: limits set once per connection, prepared statements reused. */
    NONE,
    /** PgBouncer in transaction mode: limits set at the start of every transaction, no prepared statements. */
    PGBOUNCER
}
