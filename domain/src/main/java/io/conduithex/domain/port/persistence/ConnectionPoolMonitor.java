package io.conduithex.domain.port.persistence;

/** Reads the live state of the connection pool, for operators. Thread-safe; cheap enough to call every second. */
public interface ConnectionPoolMonitor {

    PoolSnapshot pool();
}
