package dev.taproot.ingest.detect;

import java.util.List;

import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.metrics.MetricSet;
import dev.taproot.ingest.traces.Span;

/**
 * Parsed telemetry of one side of a comparison (window or baseline).
 *
 * @param metrics metric sets as parsed, one per input
 * @param spans   spans of every trace input
 * @param logs    log records of every log input
 */
public record Evidence(List<MetricSet> metrics, List<Span> spans, List<LogRecord> logs) {

    public Evidence {
        metrics = List.copyOf(metrics);
        spans = List.copyOf(spans);
        logs = List.copyOf(logs);
    }
}
