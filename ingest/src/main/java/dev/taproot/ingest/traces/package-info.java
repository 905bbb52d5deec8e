/**
 * Trace inputs: OTLP/JSON ({@link dev.taproot.ingest.traces.OtlpTraceParser}) and Jaeger API JSON
 * ({@link dev.taproot.ingest.traces.JaegerParser}) read into neutral {@link dev.taproot.ingest.traces.Span}s;
 * {@link dev.taproot.ingest.traces.CallObservations} derives per-service and per-CALLS-edge requests, and
 * {@link dev.taproot.ingest.traces.BucketedSeries} turns them into request, error-ratio and latency
 * series that the anomaly detector scores. A new trace format is one parser returning a
 * {@link dev.taproot.ingest.traces.SpanSet}; failure status rules live in
 * {@link dev.taproot.ingest.traces.SpanStatus}.
 */
package dev.taproot.ingest.traces;
