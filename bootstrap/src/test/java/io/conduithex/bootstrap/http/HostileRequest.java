package io.conduithex.bootstrap.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request as it goes over the wire: one the JDK client can send, or raw bytes on a socket. */
sealed interface HostileRequest {

    /**
     * A request the JDK client can send; its body may still be anything at all.
     *
     * @param path    the raw path and query, already percent-encoded as it should travel
     * @param body    the body bytes, or null for none
     * @param chunked sent chunked, without Content-Length, so the server only learns the size by reading
     */
    record Formed(String method, String path, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked)
            implements HostileRequest {

        public Formed {
            headers = List.copyOf(headers);
        }

        static Formed of(String method, String path) {
            return new Formed(method, path, List.of(), null, false);
        }

        Formed header(String name, String value) {
            var more = new ArrayList<>(headers);
            more.add(Map.entry(name, value));
            return new Formed(method, path, more, body, chunked);
        }

        /** {@code Authorization: Token <token>}; nothing when the token is null. */
        Formed token(String token) {
            return token == null ? this : header("Authorization", "Token " + token);
        }

        Formed json(String text) {
            return json(text.getBytes(StandardCharsets.UTF_8));
        }

        Formed json(byte[] bytes) {
            return header("Content-Type", "application/json").body(bytes);
        }

        Formed body(byte[] bytes) {
            return new Formed(method, path, headers, bytes, chunked);
        }

        /** The same request with its body sent chunked. */
        Formed withoutLength() {
            return new Formed(method, path, headers, body, true);
        }

        /**
         * The same request as raw bytes with {@code Expect: 100-continue}: the body goes out only if the server
         * asks for it. A server that refuses the body on its declared length answers at once and the body is never
         * sent; a client that sent a large body regardless may find the connection reset under the answer it was
         * about to read. (The JDK 17 client hangs when the answer to an expectation is not 100, so it cannot
         * be used for this.)
         */
        Raw afterContinue() {
            var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach(header ->
                    head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nExpect: 100-continue\r\nConnection: close");
            return new Raw((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body, true);
        }
    }

    /**
     * Bytes written as they are to a fresh connection, for what the JDK client refuses to send (a Content-Length
     * that lies, bytes outside ASCII in a header, a broken request line).
     *
     * @param head          the request line and headers with the blank line after them, or any bytes at all
     * @param body          what follows the head
     * @param awaitContinue the body waits for a {@code 100 Continue}, and is not sent if a final answer comes
     *                      instead; otherwise it follows the head at once and the connection is half-closed after
     *                      it, so that a server waiting for bytes that never come sees the end instead of a timeout
     */
    record Raw(byte[] head, byte[] body, boolean awaitContinue) implements HostileRequest {

        /** {@code head} is the request line and headers, CRLF-separated, without the blank line. */
        static Raw of(String head, byte[] body) {
            return new Raw((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body, false);
        }

        static Raw of(String head) {
            return of(head, new byte[0]);
        }
    }
}
