package io.conduithex.application.transaction;

/** Names of the unit-of-work meters, all under one prefix. */
public final class UnitOfWorkMeters {
    public static final String PREFIX = "conduit.uow";
    /** Counter, tags {@code use_case} and {@code cause}. */
    public static final String RETRIES = PREFIX + ".retries";

    private UnitOfWorkMeters() {
    }
}
