/**
 * Detection, its own stage between ingest and the graph: {@link dev.taproot.ingest.detect.SignalDetector}s,
 * one per kind of evidence ({@link dev.taproot.ingest.detect.MetricDetector},
 * {@link dev.taproot.ingest.detect.TraceDetector}, {@link dev.taproot.ingest.detect.LogDetector}), turn
 * telemetry compared with its baseline into anomaly signals with onsets. To add one: implement the interface
 * in this package (reading {@link dev.taproot.ingest.detect.Evidence}, writing through the
 * {@link dev.taproot.ingest.detect.DetectionContext}) and register it in
 * {@link dev.taproot.ingest.detect.SignalDetectors#standard}. The gates each have a stated meaning
 * ({@link dev.taproot.ingest.anomaly.DetectorConfig}): ratios are failed requests, shifts already present before
 * the window are ongoing, a score is weighted by how long the change held.
 */
package dev.taproot.ingest.detect;
