package io.conduithex.domain.port.request;

import java.util.Optional;

/**
 * The request the calling thread serves, as much of it as the core needs: its id, which ties an audit event to
 * the request's log line and response. Empty outside a request (a command-line tool, a test).
 */
@FunctionalInterface
public interface CurrentRequest {

    /** No request: for tools and tests. */
    CurrentRequest NONE = Optional::empty;

    Optional<String> id();
}
