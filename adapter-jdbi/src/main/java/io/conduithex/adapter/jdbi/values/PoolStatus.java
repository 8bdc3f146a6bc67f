package io.conduithex.adapter.jdbi.values;

/**
 * A snapshot of connection pool usage. On SQLite the figures add up the reader pool and the single
 * writer connection.
 *
 * @param active  connections lent out to units of work
 * @param idle    connections ready in the pool
 * @param waiting threads waiting for a connection
 * @param maximum the most connections the pool may hold
 */
public record PoolStatus(int active, int idle, int waiting, int maximum) {
}
