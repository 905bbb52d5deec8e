package dev.taproot.ingest.telemetry;

import java.util.Optional;

import dev.taproot.ingest.IngestInput;

/**
 * The telemetry formats Taproot reads, recognised by file-name suffix (and, for request bodies named
 * without one, by their first bytes).
 */
public enum TelemetryFormat {
    /** Prometheus HTTP API query_range response ({@code resultType: matrix}). */
    PROMETHEUS(".prom.json"),
    /** OpenMetrics / Prometheus text exposition snapshot. */
    OPENMETRICS(".om.txt"),
    /** OTLP/JSON ExportTraceServiceRequest. */
    OTLP_TRACES(".otlp-traces.json"),
    /** OTLP/JSON ExportLogsServiceRequest. */
    OTLP_LOGS(".otlp-logs.json"),
    /** Jaeger query API JSON ({@code {"data": [{"traceID", "spans", "processes"}]}}). */
    JAEGER(".jaeger.json"),
    /** Loki HTTP API query_range response ({@code resultType: streams}). */
    LOKI(".loki.json"),
    /** Plain text log lines, one per line (see {@code dev.taproot.ingest.logs.PlainLogParser}). */
    PLAIN_LOG(".log");

    private final String suffix;

    TelemetryFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public boolean isMetrics() {
        return this == PROMETHEUS || this == OPENMETRICS;
    }

    public boolean isTraces() {
        return this == OTLP_TRACES || this == JAEGER;
    }

    public boolean isLogs() {
        return this == OTLP_LOGS || this == LOKI || this == PLAIN_LOG;
    }

    /** The format of an input by its name's suffix, or empty when the name says nothing we read. */
    public static Optional<TelemetryFormat> bySuffix(IngestInput input) {
        String name = input.fileName();
        for (TelemetryFormat f : values()) {
            if (name.endsWith(f.suffix)) {
                return Optional.of(f);
            }
        }
        if (name.endsWith(".openmetrics") || name.endsWith(".prom")) {
            return Optional.of(OPENMETRICS);
        }
        return Optional.empty();
    }

    /** The format by suffix, else by the first bytes of a JSON body. */
    public static Optional<TelemetryFormat> detect(IngestInput input) {
        Optional<TelemetryFormat> f = bySuffix(input);
        if (f.isPresent()) {
            return f;
        }
        String head = input.head(400);
        if (head.startsWith("[") && head.contains("\"traceID\"")) {
            return Optional.of(JAEGER);
        }
        if (head.startsWith("{")) {
            if (head.contains("\"resourceSpans\"")) {
                return Optional.of(OTLP_TRACES);
            }
            if (head.contains("\"resourceLogs\"")) {
                return Optional.of(OTLP_LOGS);
            }
            if (head.contains("\"matrix\"")) {
                return Optional.of(PROMETHEUS);
            }
            if (head.contains("\"streams\"")) {
                return Optional.of(LOKI);
            }
            if (head.contains("\"traceID\"")) {
                return Optional.of(JAEGER);
            }
        }
        return Optional.empty();
    }
}
