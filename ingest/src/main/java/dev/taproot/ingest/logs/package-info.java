/**
 * Log inputs: OTLP/JSON logs ({@link dev.taproot.ingest.logs.OtlpLogParser}), Loki query_range streams
 * ({@link dev.taproot.ingest.logs.LokiParser}) and plain files ({@link dev.taproot.ingest.logs.PlainLogParser},
 * which documents its entity mapping), read into {@link dev.taproot.ingest.logs.LogRecord}s, and online
 * template mining ({@link dev.taproot.ingest.logs.Drain}). A new log format is one parser returning a
 * {@link dev.taproot.ingest.logs.LogSet}; masks and Drain settings are in
 * {@link dev.taproot.ingest.logs.LogConfig} and {@link dev.taproot.ingest.logs.Drain#DEFAULT_MASKS}.
 */
package dev.taproot.ingest.logs;
