package io.conduithex.adapter.web;

/**
 * The request itself is broken, not merely its values: a body that never arrived whole, a query string that
 * cannot be decoded. Answered with 400, naming the part of the request that is at fault.
 */
final class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the part of the request at fault, as the error body names it ({@code body}, {@code query})
     * @param message what is wrong with it, for the client
     * @param cause   what the server saw, if anything; never sent to the client
     */
    MalformedRequestException(String field, String message, Throwable cause) {
        // No stack trace: the client's fault, and it says nothing about the server.
        super(message, cause, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
