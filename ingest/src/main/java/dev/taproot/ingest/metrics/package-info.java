/**
 * Metric inputs: Prometheus {@code query_range} matrices ({@link dev.taproot.ingest.metrics.PrometheusMatrixParser})
 * and OpenMetrics text, read into {@link dev.taproot.ingest.metrics.MetricSeries}, and the mapping from a
 * metric name to an anomaly type ({@link dev.taproot.ingest.metrics.MetricClassifier}). A new metric
 * format is one parser returning a {@link dev.taproot.ingest.metrics.MetricSet}.
 */
package dev.taproot.ingest.metrics;
