package io.conduithex.adapter.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where a client is, for counting its failed logins: its IPv4 address, or the /64 network of its IPv6 address.
 * One IPv6 client commonly holds a whole /64 and can pick a new address in it for every request; keyed by the
 * full address it would get a fresh count each time.
 */
final class ClientPlaces {
    private static final int PREFIX_BYTES = 8;

    private ClientPlaces() {
    }

    /** @param peer the TCP peer's address as the server reports it, a literal (never looked up) */
    static String of(String peer) {
        if (peer == null || peer.indexOf(':') < 0) {
            return peer;
        }
        try {
            // A literal with a colon is parsed, not resolved: no name lookup happens here.
            InetAddress address = InetAddress.getByName(stripBrackets(peer));
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, PREFIX_BYTES, network.length, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return peer;
        }
    }

    private static String stripBrackets(String peer) {
        return peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
    }
}
