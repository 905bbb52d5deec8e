package dev.taproot.ingest.detect;

import dev.taproot.ingest.GraphWriter;

/**
 * What one analysis gives its detectors.
 *
 * @param window   the time to analyse
 * @param entities resolves labels to graph entities (one instance per analysis: it caches)
 * @param out      where signals, entities and relationships go (the caller writes the batch)
 * @param report   counts and unresolved series, for the caller
 */
public record DetectionContext(AnalysisWindow window, TelemetryEntities entities, GraphWriter out,
                               TelemetryReport.Builder report) {
}
