package dev.taproot.ingest.live;

import java.util.List;

import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.metrics.MetricSet;
import dev.taproot.ingest.traces.Span;

/**
 * What one source returned for a window and its baseline, parsed into the types the case replay's
 * detectors read.
 *
 * @param metrics  metric sets (Prometheus), else empty
 * @param spans    spans of every trace fetched, each span once
 * @param logs     log records
 * @param summary  what was fetched, for the diagnosis ({@code "42 traces, 310 spans"})
 * @param notes    what was skipped or refused along the way (a service the backend did not know, rejected records)
 */
public record LiveTelemetry(List<MetricSet> metrics, List<Span> spans, List<LogRecord> logs, String summary,
                            List<String> notes) {

    public LiveTelemetry {
        metrics = List.copyOf(metrics);
        spans = List.copyOf(spans);
        logs = List.copyOf(logs);
        notes = List.copyOf(notes);
    }
}
