package io.conduithex.domain.port.persistence;

/**
 * Transaction isolation levels. {@link #DEFAULT} is READ COMMITTED on database servers; SQLite runs every
 * transaction serializably whatever is asked.
 */
public enum Isolation {
    DEFAULT,
    READ_COMMITTED,
    REPEATABLE_READ,
    SERIALIZABLE
}
