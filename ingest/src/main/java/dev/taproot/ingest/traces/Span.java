package dev.taproot.ingest.traces;

/**
 * One span, in the terms trace analysis needs, whatever format it came in.
 *
 * @param traceId      trace id (lower-case hex)
 * @param spanId       span id
 * @param parentSpanId parent span id, null for a root span
 * @param service      the service that recorded it ({@code service.name}, Jaeger process serviceName)
 * @param pod          the pod that recorded it ({@code k8s.pod.name}), or null
 * @param name         operation name
 * @param kind         {@code server}, {@code client}, {@code producer}, {@code consumer}, {@code internal} or null
 * @param startNanos   start, epoch nanoseconds
 * @param endNanos     end, epoch nanoseconds
 * @param status       null when the span did not fail; else what failed: {@code ERROR}, an HTTP status
 *                     ({@code HTTP 503}), a gRPC status ({@code DEADLINE_EXCEEDED}) or an exception type
 * @param message      the status message or exception message, or null
 * @param peer         the callee a client span names ({@code peer.service}, {@code server.address}, {@code db.system}), or null
 */
public record Span(String traceId, String spanId, String parentSpanId, String service, String pod, String name,
                   String kind, long startNanos, long endNanos, String status, String message, String peer) {

    public boolean error() {
        return status != null;
    }

    public double durationMillis() {
        return Math.max(0, endNanos - startNanos) / 1e6;
    }

    public long startMillis() {
        return startNanos / 1_000_000;
    }
}
