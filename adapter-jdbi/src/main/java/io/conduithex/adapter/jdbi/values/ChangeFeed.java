package io.conduithex.adapter.jdbi.values;

/** How this instance hears the commits of other instances sharing its database. */
public enum ChangeFeed {
    /** PostgreSQL reached directly: commits send notices in their transaction, and a connection LISTENs for them. */
    LISTENING,
    /**
     * PostgreSQL through PgBouncer in transaction mode, which hands each transaction any server connection and so
     * cannot keep a {@code LISTEN}: other instances' commits are not heard.
     */
    UNAVAILABLE_THROUGH_POOLER,
    /**
     * A database with no notices that travel with a transaction's commit (MariaDB): other instances' commits are
     * not heard, as through PgBouncer.
     */
    NO_NOTICES,
    /** SQLite: one server per database file, nobody else to hear. */
    SINGLE_INSTANCE
}
