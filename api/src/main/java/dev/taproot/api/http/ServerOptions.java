package dev.taproot.api.http;

import java.time.Duration;
import java.util.List;

import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.config.HttpConfig;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.config.Tunables;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * How the HTTP server runs: where it binds, who may call it, and its limits.
 *
 * @param http       bind address, port, public URL, TLS or the proxy in front
 * @param security   tokens, open access, rate limits
 * @param tunables   request timeout and body size limit
 * @param chatops    Slack, Mattermost and Alertmanager relay settings
 * @param prometheus the Prometheus-compatible sources an operator configured: the only servers pulled from
 */
public record ServerOptions(HttpConfig http, SecurityConfig security, Tunables tunables, ChatOpsConfig chatops,
                            List<PrometheusSource> prometheus) {

    /** Default limit on how long one query may run. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Tunables.DEFAULT_REQUEST_TIMEOUT;

    public ServerOptions {
        if (security.openAccess() && !http.isLoopback()) {
            throw new IllegalArgumentException("open access is allowed on a loopback address only, not on '" + http.host()
                    + "'; configure tokens (security.tokens, TAPROOT_TOKENS or TAPROOT_TOKENS_FILE) to listen there");
        }
        tunables = tunables == null ? Tunables.defaults() : tunables;
        chatops = chatops == null ? ChatOpsConfig.disabled() : chatops;
        prometheus = prometheus == null ? List.of() : List.copyOf(prometheus);
    }

    /** Plain HTTP on {@code host:port} with default limits, ChatOps off and no sources. */
    public static ServerOptions of(String host, int port, SecurityConfig security) {
        return new ServerOptions(HttpConfig.of(host, port), security, Tunables.defaults(), ChatOpsConfig.disabled(), List.of());
    }

    /** Everything the configuration says about serving. */
    public static ServerOptions from(TaprootConfig config) {
        return new ServerOptions(config.http(), config.security(), config.tunables(), config.chatops(), config.prometheus());
    }

    public String host() {
        return http.host();
    }

    public int port() {
        return http.port();
    }

    /** Request bodies above this are refused with 413. */
    public long maxBodyBytes() {
        return tunables.maxBodyBytes();
    }

    /** How long an explorer query (Cypher, SPARQL) or a synchronous analysis may run. */
    public Duration requestTimeout() {
        return tunables.requestTimeout();
    }

    public ServerOptions withSecurity(SecurityConfig s) {
        return new ServerOptions(http, s, tunables, chatops, prometheus);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(http, security, new Tunables(tunables.requestTimeout(), bytes, tunables.exportConcurrency(),
                tunables.liveBaseline(), tunables.liveDeadline()), chatops, prometheus);
    }

    public ServerOptions withChatOps(ChatOpsConfig c) {
        return new ServerOptions(http, security, tunables, c, prometheus);
    }

    public ServerOptions withPrometheus(List<PrometheusSource> sources) {
        return new ServerOptions(http, security, tunables, chatops, sources);
    }
}
