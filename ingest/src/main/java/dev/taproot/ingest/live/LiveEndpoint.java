package dev.taproot.ingest.live;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * Where one configured trace or log backend answers, and how far Taproot trusts it: the operator
 * names it, Taproot never reaches a URL a caller gives.
 *
 * @param kind     the backend ({@code jaeger}, {@code tempo}, {@code loki}, {@code elasticsearch}), for messages
 * @param name     how the configuration and the answers refer to it ({@code [a-z0-9][a-z0-9_-]*})
 * @param url      the base URL, such as {@code http://jaeger-query.tracing:16686}
 * @param auth     credentials sent with every request (bearer or basic), or none
 * @param deadline one whole fetch (every request, headers and bodies) must finish within this
 * @param maxBytes the most bytes read from one response; a larger answer is abandoned, not buffered
 */
public record LiveEndpoint(String kind, String name, URI url, PrometheusSource.Auth auth, Duration deadline,
                           long maxBytes) {

    /** Default deadline for one fetch. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);
    /** The longest deadline accepted. */
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(5);
    /** Default cap on one response body. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public LiveEndpoint {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("source name '" + name + "' must match " + NAME.pattern());
        }
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException(kind + " source '" + name + "': url must be an absolute http(s) URL, was " + url);
        }
        auth = auth == null ? PrometheusSource.Auth.NONE : auth;
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException(kind + " source '" + name + "': deadline must be between 1 ms and 5 minutes, was "
                    + deadline);
        }
        maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
    }

    /** An endpoint with no credentials and the default deadline and size cap. */
    public static LiveEndpoint of(String kind, String name, URI url) {
        return new LiveEndpoint(kind, name, url, null, null, 0);
    }

    /** {@code url} without trailing slashes, followed by {@code path}. */
    public String base(String path) {
        return url.toString().replaceAll("/+$", "") + path;
    }

    /** How messages name it: {@code jaeger 'prod'}. */
    public String label() {
        return kind + " '" + name + "'";
    }
}
