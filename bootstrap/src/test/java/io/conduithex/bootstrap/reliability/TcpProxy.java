package io.conduithex.bootstrap.reliability;

import io.conduithex.testsupport.kit.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy on 127.0.0.1 in front of a server on 127.0.0.1, for putting the network between the application
 * and its database under the test's control (NetCrusher underneath). {@link #freeze()} stops all traffic
 * without closing or resetting anything, as a network that silently drops packets would: bytes already sent
 * wait, new connections are not accepted. {@link #closeConnections()} drops every proxied connection at once.
 * Thread-safe, as NetCrusher is.
 */
final class TcpProxy implements AutoCloseable {

    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private final int port;

    private TcpProxy(NioReactor reactor, TcpCrusher crusher, int port) {
        this.reactor = reactor;
        this.crusher = crusher;
        this.port = port;
    }

    /** Opens a proxy on a free port of 127.0.0.1 that forwards to 127.0.0.1:{@code targetPort}. */
    static TcpProxy to(int targetPort) {
        NioReactor reactor;
        try {
            reactor = new NioReactor();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the proxy's reactor", e);
        }
        try {
            int port = FreePort.pick();
            TcpCrusher crusher = TcpCrusherBuilder.builder()
                    .withReactor(reactor)
                    .withBindAddress("127.0.0.1", port)
                    .withConnectAddress("127.0.0.1", targetPort)
                    .buildAndOpen();
            return new TcpProxy(reactor, crusher, port);
        } catch (RuntimeException e) {
            reactor.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Stops every byte in both directions and stops accepting connections; nothing is closed. */
    void freeze() {
        crusher.freeze();
    }

    /** Lets traffic flow again, including whatever waited while frozen. */
    void unfreeze() {
        crusher.unfreeze();
    }

    /** Closes every proxied connection on both sides; the proxy keeps listening. */
    void closeConnections() {
        crusher.closeAllPairs();
    }

    @Override
    public void close() {
        try {
            crusher.close();
        } finally {
            reactor.close();
        }
    }
}
