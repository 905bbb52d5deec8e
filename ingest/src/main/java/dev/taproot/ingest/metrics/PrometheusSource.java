package dev.taproot.ingest.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Prometheus-compatible server (Prometheus, VictoriaMetrics, Thanos, Mimir) that an operator
 * configured, the only kind Taproot ever pulls from: a caller names a source, never a URL.
 *
 * @param name     how callers and the configuration refer to it ({@code [a-z0-9][a-z0-9_-]*})
 * @param url      the base URL, for example {@code http://prometheus.monitoring:9090}
 * @param auth     credentials sent with every request, or {@link Auth#NONE}
 * @param deadline the whole pull (all queries, headers and bodies) must finish within this
 * @param maxBytes the most bytes read from one response; a larger answer is abandoned, not buffered
 * @param queries  the named PromQL queries run when a caller does not choose among them
 */
public record PrometheusSource(String name, URI url, Auth auth, Duration deadline, long maxBytes,
                               Map<String, String> queries) {

    /** Default deadline for one whole pull. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    /** Default cap on one response body: a week of 15 s samples for a few hundred series fits. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /** Credentials: a bearer token, or a basic-auth user and password, or none. */
    public record Auth(String bearerToken, String username, String password) {
        public static final Auth NONE = new Auth(null, null, null);

        /** The {@code Authorization} header value, or null. */
        public String header() {
            if (bearerToken != null && !bearerToken.isBlank()) {
                return "Bearer " + bearerToken;
            }
            if (username != null && !username.isBlank()) {
                String pair = username + ":" + (password == null ? "" : password);
                return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return null;
        }

        @Override
        public String toString() {
            return bearerToken != null ? "bearer ***" : username != null ? "basic " + username + ":***" : "none";
        }
    }

    public PrometheusSource {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("source name '" + name + "' must match " + NAME.pattern());
        }
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("source '" + name + "': url must be an absolute http(s) URL, was " + url);
        }
        auth = auth == null ? Auth.NONE : auth;
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("source '" + name + "': deadline must be between 1 ms and 5 minutes, was " + deadline);
        }
        maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
        queries = queries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    }

    /** A source with default deadline and size cap. */
    public static PrometheusSource of(String name, URI url, Map<String, String> queries) {
        return new PrometheusSource(name, url, Auth.NONE, null, 0, queries);
    }
}
