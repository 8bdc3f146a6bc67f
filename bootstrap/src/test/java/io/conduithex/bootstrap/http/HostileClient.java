package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.kit.HttpCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends {@link HostileRequest}s to the running application and reads the answers, each within a bounded time:
 * formed requests through the JDK client, raw ones over a socket of their own. Answers to formed requests are
 * checked against the OpenAPI document, the requests themselves are not: they are broken on purpose, many at the
 * HTTP level (bodies that are not UTF-8, cut short, chunked wrongly), which the document has no words for. Raw
 * answers are not parsed by the checker; HostileInput holds every answer, raw ones included, to the documented
 * error shape itself. Thread-safe.
 */
final class HostileClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int CONNECT_TIMEOUT_MS = 5000;

    /**
     * What came back: the status, the Content-Type and X-Request-Id headers (null when absent) and the body as
     * UTF-8.
     */
    record Answer(int status, String contentType, String requestId, String body) {
    }

    private final URI base;
    private final HttpCalls http;

    HostileClient(URI base) {
        this.base = base;
        this.http = HttpCalls.answersChecked(base, TIMEOUT);
    }

    Answer send(HostileRequest request) {
        if (request instanceof HostileRequest.Formed formed) {
            return send(formed);
        }
        return send((HostileRequest.Raw) request);
    }

    private Answer send(HostileRequest.Formed request) {
        var builder = http.request(URI.create(base + request.path()));
        request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
        HttpRequest.BodyPublisher body;
        if (request.body() == null) {
            body = BodyPublishers.noBody();
        } else if (request.chunked()) {
            // A publisher of unknown length makes the client send Transfer-Encoding: chunked.
            body = BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(request.body()));
        } else {
            body = BodyPublishers.ofByteArray(request.body());
        }
        var response = http.send(builder.method(request.method(), body).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("X-Request-Id").orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    private Answer send(HostileRequest.Raw request) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            out.write(request.head());
            var received = new ByteArrayOutputStream();
            if (request.awaitContinue()) {
                out.flush();
                readUntilHeadEnds(in, received);
                if (!statusLine(received.toByteArray()).contains(" 100 ")) {
                    return parse(readUntilClosed(in, received));
                }
                received.reset();
            }
            out.write(request.body());
            out.flush();
            socket.shutdownOutput();
            return parse(readUntilClosed(in, received));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readUntilHeadEnds(InputStream in, ByteArrayOutputStream received) throws IOException {
        byte[] buffer = new byte[8192];
        while (received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("connection closed before a response head: " + received);
            }
            received.write(buffer, 0, n);
        }
    }

    private static String statusLine(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }

    /** Everything the server sent before closing; a reset after the answer arrived still leaves the answer. */
    private static byte[] readUntilClosed(InputStream in, ByteArrayOutputStream received) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    /** The first HTTP/1.1 response in {@code bytes}. */
    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new AssertionError("no complete HTTP response, got: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        int bodyStart = headEnd + 4;
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(bytes, bodyStart);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = Arrays.copyOfRange(bytes, bodyStart, Math.min(bytes.length, bodyStart + length));
        } else {
            body = Arrays.copyOfRange(bytes, bodyStart, bytes.length);
        }
        return new Answer(status, headers.get("content-type"), headers.get("x-request-id"),
                new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] bytes, int from) {
        var body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int lineEnd = indexOfCrLf(bytes, at);
            String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(bytes, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("chunked body cut short");
    }
}
