/**
 * The baseline of pushed telemetry, kept across requests: OTLP traces and logs that arrive in requests of
 * their own have no baseline of their own, so each push is scored against rolling per-series summaries of
 * the pushes before it ({@link dev.taproot.ingest.baseline.PushBaselineStore}, bounded in series and
 * buckets, saved to one file that survives a restart) and then added to them
 * ({@link dev.taproot.ingest.baseline.PushedTelemetry}). The scoring is the case replay's
 * ({@link dev.taproot.ingest.detect.SeriesScorer}); only where the baseline comes from differs.
 */
package dev.taproot.ingest.baseline;
