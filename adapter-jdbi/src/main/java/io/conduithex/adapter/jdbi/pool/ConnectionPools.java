package io.conduithex.adapter.jdbi.pool;

import io.conduithex.adapter.jdbi.values.PoolStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pools of one database: one that read-write work draws from and one for read-only work. On PostgreSQL
 * both are the same pool; on SQLite the writer is a pool of one connection, which serializes writers
 * inside this process, and the readers are a separate pool so that reads run concurrently. Built by
 * {@link PoolFactory}; closing it closes both.
 *
 * @param writer the pool read-write work draws from
 * @param reader the pool read-only work draws from (the writer itself on PostgreSQL)
 */
public record ConnectionPools(Pool writer, Pool reader) implements AutoCloseable {

    public PoolStatus status() {
        int active = 0;
        int idle = 0;
        int waiting = 0;
        int maximum = 0;
        for (Pool pool : distinct()) {
            active += pool.active();
            idle += pool.idle();
            waiting += pool.waiting();
            maximum += pool.maximum();
        }
        return new PoolStatus(active, idle, waiting, maximum);
    }

    /**
     * The pool that {@code DB_POOL_SIZE} sizes: the one pool on PostgreSQL, the readers on SQLite (whose writers
     * queue for their single connection by design, so a queue there is no sign of exhaustion).
     */
    public PoolStatus sizedPoolStatus() {
        return new PoolStatus(reader.active(), reader.idle(), reader.waiting(), reader.maximum());
    }

    /** Closes readers first, then the writer, so the last connection to close is the one that wrote. */
    @Override
    public void close() {
        List<Pool> pools = List.copyOf(distinct());
        for (int i = pools.size() - 1; i >= 0; i--) {
            pools.get(i).close();
        }
    }

    private Set<Pool> distinct() {
        Set<Pool> pools = new LinkedHashSet<>();
        pools.add(writer);
        pools.add(reader);
        return pools;
    }
}
