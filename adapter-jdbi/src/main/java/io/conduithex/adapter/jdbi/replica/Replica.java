package io.conduithex.adapter.jdbi.replica;

import io.conduithex.adapter.jdbi.pool.Pool;
import java.util.concurrent.atomic.LongAdder;

/**
 * One hot standby: its pool, what its last check saw, and how many reads it served. Thread-safe.
 *
 * @param name a bounded label for logs and metrics ({@code replica-1}, in configuration order), never the URL
 */
public final class Replica {
    private final String name;
    private final String maskedUrl;
    private final Pool pool;
    private final LongAdder reads = new LongAdder();
    private volatile ReplicaStatus status = ReplicaStatus.STARTING;

    Replica(String name, String maskedUrl, Pool pool) {
        this.name = name;
        this.maskedUrl = maskedUrl;
        this.pool = pool;
    }

    public String name() {
        return name;
    }

    public String maskedUrl() {
        return maskedUrl;
    }

    public Pool pool() {
        return pool;
    }

    public ReplicaStatus status() {
        return status;
    }

    public long readsServed() {
        return reads.sum();
    }

    void served() {
        reads.increment();
    }

    void update(ReplicaStatus next) {
        status = next;
    }
}
