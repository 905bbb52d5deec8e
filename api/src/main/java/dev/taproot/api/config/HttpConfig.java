package dev.taproot.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * How the HTTP server is reached.
 *
 * @param host           the bind address ({@code http.host}, {@code TAPROOT_HTTP_HOST})
 * @param port           the port, 0 for any free one ({@code http.port}, {@code TAPROOT_HTTP_PORT}, {@code --port})
 * @param publicUrl      the URL users reach Taproot at, for links in answers ({@code http.publicUrl},
 *                       {@code TAPROOT_PUBLIC_URL}), or null
 * @param tls            the keystore Taproot serves HTTPS with, or null for plain HTTP
 * @param behindProxy    a reverse proxy terminates TLS in front of Taproot
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (only with behindProxy)
 */
public record HttpConfig(String host, int port, String publicUrl, TlsConfig tls, boolean behindProxy,
                         List<String> trustedProxies) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public HttpConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http port out of range: " + port);
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** Plain HTTP on {@code host:port}, nothing else configured. */
    public static HttpConfig of(String host, int port) {
        return new HttpConfig(host, port, null, null, false, List.of());
    }

    /** The scheme clients use to reach this server directly. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** Whether this server only accepts connections from this machine. */
    public boolean isLoopback() {
        return isLoopback(host);
    }

    /** Whether a bind address only accepts connections from this machine. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
