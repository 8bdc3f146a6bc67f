package io.conduithex.application.transaction;

/** Names of the unit-of-work meters, all under one prefix. */
public final class UnitOfWorkMeters {
    public static final String PREFIX = "conduit.uow";
    /** Counter, tags {@code use_case} and {@code cause}. */
    public static final String RETRIES = PREFIX + ".retries";
    /**
     * Timer of whole units of work, retries included, tags {@code use_case} and {@code outcome}: {@code commit}
     * (first attempt), {@code retried} (committed after one or more retries) or {@code rollback} (failed).
     */
    public static final String DURATION = PREFIX + ".duration";

    private UnitOfWorkMeters() {
    }
}
