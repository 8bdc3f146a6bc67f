package io.conduithex.testsupport.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A local port that nothing listens on: the OS picks a free one, and it is released at once. It was free a moment
 * ago, so another process may take it before the caller does; use it where a server must keep one port across
 * restarts, or where a test needs a port that refuses connections. A server that may choose its own port should
 * be started on port 0 instead.
 */
public final class FreePort {
    private FreePort() {
    }

    /** A free port on the loopback address. */
    public static int pick() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
