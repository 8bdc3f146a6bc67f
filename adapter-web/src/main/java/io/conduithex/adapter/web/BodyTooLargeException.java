package io.conduithex.adapter.web;

/** The request body is longer than the configured limit; answered with 413. */
final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes", null, false, false);
    }
}
