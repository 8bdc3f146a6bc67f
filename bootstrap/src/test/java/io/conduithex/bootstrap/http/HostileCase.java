package io.conduithex.bootstrap.http;

/**
 * One hostile request and the client error it must get.
 *
 * @param category what kind of hostility, to group the report
 * @param name     the endpoint and what the request does wrong; unique in the table
 * @param request  what goes over the wire
 * @param status   the 4xx status it must get
 * @param field    the key it must have under {@code errors}
 * @param message  a message that must be among that key's messages, or null where any message will do
 */
record HostileCase(String category, String name, HostileRequest request, int status, String field, String message) {

    HostileCase {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException(name + ": a hostile request must get a 4xx, not " + status);
        }
    }

    String qualifiedName() {
        return category + ": " + name;
    }
}
