package dev.taproot.ingest.traces;

import java.util.List;
import java.util.Map;

/**
 * Decides whether a span failed and how, from the conventions of OpenTelemetry and Jaeger: status code
 * ERROR, an HTTP status of 500 or more, a non-OK gRPC status (named, for example
 * {@code DEADLINE_EXCEEDED}), an {@code exception} event, or the Jaeger/OpenTracing {@code error} tag.
 */
public final class SpanStatus {

    private static final List<String> GRPC = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
            "DATA_LOSS", "UNAUTHENTICATED");

    private SpanStatus() {
    }

    /** The gRPC status name of a numeric code. */
    public static String grpcName(int code) {
        return code >= 0 && code < GRPC.size() ? GRPC.get(code) : "GRPC_" + code;
    }

    /**
     * The failure status of a span, or null when it did not fail.
     *
     * @param statusError   whether the span's own status said error
     * @param attributes    the span's attributes as strings
     * @param exceptionType the type of an exception event, or null
     */
    public static String of(boolean statusError, Map<String, String> attributes, String exceptionType) {
        String grpc = attributes.get("rpc.grpc.status_code");
        if (grpc != null) {
            try {
                int code = Integer.parseInt(grpc.trim());
                if (code != 0) {
                    return grpcName(code);
                }
            } catch (NumberFormatException e) {
                if (!"OK".equalsIgnoreCase(grpc.trim()) && !"0".equals(grpc.trim())) {
                    return grpc.trim().toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        for (String key : List.of("http.response.status_code", "http.status_code")) {
            String http = attributes.get(key);
            if (http != null) {
                try {
                    if (Integer.parseInt(http.trim()) >= 500) {
                        return "HTTP " + http.trim();
                    }
                } catch (NumberFormatException ignored) {
                    // not a number: not an HTTP failure we can judge
                }
            }
        }
        if (exceptionType != null) {
            return exceptionType;
        }
        if (statusError || "true".equalsIgnoreCase(attributes.get("error"))) {
            return "ERROR";
        }
        return null;
    }

    /** The callee a client span names, or null. */
    public static String peer(Map<String, String> attributes) {
        for (String key : List.of("peer.service", "server.address", "net.peer.name", "db.system", "messaging.system")) {
            String v = attributes.get(key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
