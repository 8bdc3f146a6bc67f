package io.conduithex.application.health;

/**
 * One thing readiness depends on, such as the database answering or its schema being current. Outgoing port:
 * adapters implement it for what they own.
 *
 * <p>Contract: {@link #check()} returns within a bounded time (an implementation that talks to a server brings
 * its own timeout) and may be called from any thread. It reports trouble as a {@link Result#down} value; an
 * exception it throws is reported as DOWN too, with the exception's class as the detail.
 */
public interface HealthCheck {

    /** The name under which the check is reported, such as {@code database}; fixed for the instance. */
    String name();

    Result check();

    /**
     * What a check found.
     *
     * @param up     whether the dependency is usable
     * @param detail what was found, for an operator (never secrets); may be null when up
     */
    record Result(boolean up, String detail) {

        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
