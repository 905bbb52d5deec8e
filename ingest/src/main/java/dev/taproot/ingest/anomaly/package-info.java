/**
 * Baseline-versus-window anomaly detection on one series: robust location and spread (median and MAD,
 * with a spread floor relative to the level so flat baselines do not explode), direction, a score in
 * baseline spreads, and the onset by change point. {@link dev.taproot.ingest.anomaly.DetectorConfig}
 * holds every setting with its default. Pure functions over {@link dev.taproot.ingest.anomaly.TimeSeries};
 * no graph, no I/O.
 */
package dev.taproot.ingest.anomaly;
