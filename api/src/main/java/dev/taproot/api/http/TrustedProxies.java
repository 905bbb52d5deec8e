package dev.taproot.api.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed: the client address is the right-most
 * hop that is not one of them, and only when the connection itself came from one.
 */
final class TrustedProxies {

    private record Range(byte[] network, int prefix) {
    }

    private final List<Range> ranges;

    /** {@code entries}: IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}); validated by the configuration. */
    TrustedProxies(List<String> entries) {
        this.ranges = entries.stream().map(TrustedProxies::range).toList();
    }

    /** The client's address, given the connection's peer and the {@code X-Forwarded-For} header (may be null). */
    String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    boolean trusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.network().length == bytes.length && samePrefix(r.network(), bytes, r.prefix())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        int bits = a.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    private static Range range(String entry) {
        String[] parts = entry.strip().split("/", 2);
        byte[] network = literal(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("not an IP address: " + entry);
        }
        return new Range(network, parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]));
    }

    /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
        if (text == null || !text.matches("[0-9.]+|\\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*]?")) {
            return null;
        }
        try {
            return InetAddress.getByName(text.replace("[", "").replace("]", "")).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
