package io.conduithex.adapter.jdbi.error;

/** Where in a unit of work a database error happened; the same error means different things in each. */
public enum Phase {
    /** Taking a connection from the pool. Nothing was sent to the database yet. */
    ACQUIRE,
    /** Running statements inside the open transaction. Nothing is committed yet. */
    WORK,
    /** Sending COMMIT. A broken connection here leaves the outcome unknown. */
    COMMIT
}
