package io.conduithex.adapter.jdbi.replica;

import io.conduithex.adapter.jdbi.pool.Pool;
import io.micrometer.core.instrument.Counter;

/**
 * One hot standby: its pool, what its last check saw, and how many reads it served. Thread-safe.
 *
 * @param name a bounded label for logs and metrics ({@code replica-1}, in configuration order), never the URL
 */
public final class Replica {
    private final String name;
    private final String maskedUrl;
    private final Pool pool;
    private final Counter reads;
    private volatile ReplicaStatus status = ReplicaStatus.STARTING;

    /** @param reads counts the reads it serves: the {@code conduit.replica.reads} series of this replica */
    Replica(String name, String maskedUrl, Pool pool, Counter reads) {
        this.name = name;
        this.maskedUrl = maskedUrl;
        this.pool = pool;
        this.reads = reads;
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
        return (long) reads.count();
    }

    void served() {
        reads.increment();
    }

    void update(ReplicaStatus next) {
        status = next;
    }
}
