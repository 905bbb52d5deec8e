package dev.taproot.api.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import dev.taproot.api.chatops.ChatOpsConfig;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * How the HTTP server runs: where it binds, who may call it, and its limits.
 *
 * @param host           bind address
 * @param port           port (0: any free port)
 * @param security       tokens, open access, rate limits
 * @param maxBodyBytes   request bodies above this are refused with 413
 * @param requestTimeout how long an explorer query (Cypher, SPARQL) or a synchronous analysis may run
 * @param chatops        Slack, Mattermost and Alertmanager relay settings
 * @param prometheus     the Prometheus-compatible sources an operator configured: the only servers pulled from
 */
public record ServerOptions(String host, int port, SecurityConfig security, long maxBodyBytes, Duration requestTimeout,
                            ChatOpsConfig chatops, List<PrometheusSource> prometheus) {

    /** Default limit on how long one query may run. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public ServerOptions {
        if (security.openAccess() && !isLoopback(host)) {
            throw new IllegalArgumentException("open access is allowed on a loopback address only, not on '" + host
                    + "'; configure tokens (TAPROOT_TOKENS or TAPROOT_TOKENS_FILE) to listen there");
        }
        if (chatops == null) {
            chatops = ChatOpsConfig.disabled();
        }
        prometheus = prometheus == null ? List.of() : List.copyOf(prometheus);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** Options with default limits and ChatOps configured from the environment. */
    public static ServerOptions of(String host, int port, SecurityConfig security) {
        return new ServerOptions(host, port, security, TaprootServer.DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT,
                ChatOpsConfig.fromEnvironment(System.getenv()), List.of());
    }

    public ServerOptions withSecurity(SecurityConfig s) {
        return new ServerOptions(host, port, s, maxBodyBytes, requestTimeout, chatops, prometheus);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(host, port, security, bytes, requestTimeout, chatops, prometheus);
    }

    public ServerOptions withChatOps(ChatOpsConfig c) {
        return new ServerOptions(host, port, security, maxBodyBytes, requestTimeout, c, prometheus);
    }

    public ServerOptions withPrometheus(List<PrometheusSource> sources) {
        return new ServerOptions(host, port, security, maxBodyBytes, requestTimeout, chatops, sources);
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
