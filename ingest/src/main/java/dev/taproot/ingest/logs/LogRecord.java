package dev.taproot.ingest.logs;

import java.util.Map;

/**
 * One log line, whatever format it came in.
 *
 * @param timeMillis epoch milliseconds
 * @param labels     who wrote it, as resource attributes or stream labels ({@code service.name},
 *                   {@code k8s.pod.name}, {@code service}, {@code pod}, {@code job}, ...)
 * @param level      upper-case severity ({@code ERROR}, {@code WARN}, {@code INFO}...), or null
 * @param body       the message
 */
public record LogRecord(long timeMillis, Map<String, String> labels, String level, String body) {

    public LogRecord {
        labels = Map.copyOf(labels);
    }
}
