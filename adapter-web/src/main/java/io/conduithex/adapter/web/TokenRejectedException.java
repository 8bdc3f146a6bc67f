package io.conduithex.adapter.web;

/** The request's credentials are missing or not acceptable; always answered with 401. */
public final class TokenRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; each reason has the client-facing message of the {@code token} field. */
    public enum Reason {
        MISSING("is missing"),
        MALFORMED("is malformed (expected 'Authorization: Token <jwt>')"),
        INVALID("is invalid"),
        EXPIRED("has expired");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason) {
        // No stack trace: an expected rejection, and the token itself is never part of the message.
        super("token " + reason.message(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
