/**
 * Telemetry to signals: the API the case replay, the HTTP routes and the CLI call.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * var analyzer = new TelemetryAnalyzer(TelemetryConfig.DEFAULTS);
 * var writer = new GraphWriter();
 * TelemetryReport report = analyzer.analyze(
 *         new TelemetryRequest(signalInputs, baselineInputs, new AnalysisWindow(start, end)),
 *         TelemetryEntities.Graph.of(store),     // resolve names against the topology already stored
 *         writer);
 * store.write(writer.batch());                    // one transaction; nothing is written on failure
 * }</pre>
 * {@link dev.taproot.ingest.telemetry.TelemetryAnalyzer#reads} says which files of a case folder it reads
 * (by suffix: {@code .prom.json}, {@code .otlp-traces.json}, {@code .otlp-logs.json}, {@code .jaeger.json},
 * {@code .loki.json}, {@code .log}, {@code .om.txt}); others are skipped and counted. Ingest the
 * topology first so pods, services and nodes resolve to the keys topology ingest created.
 *
 * <h2>The baseline rule</h2>
 * Per series (a metric series, a service's or CALLS edge's trace series, a log template's counts):
 * <ol>
 *   <li>window known, baseline inputs given: baseline = the same series in the baseline inputs (plus the
 *       window inputs' samples before the window start when
 *       {@link dev.taproot.ingest.detect.TelemetryConfig#baselineIncludesPreWindow()}, off by default:
 *       measured slightly worse on the shared cases);</li>
 *   <li>window known, no baseline for the series: the samples before the window start;</li>
 *   <li>no window known (a lone file through {@link dev.taproot.ingest.Ingestor}): the baseline inputs if any
 *       (the whole input is the window), else the first half
 *       ({@link dev.taproot.ingest.anomaly.DetectorConfig#selfBaselineFraction()}) of the series' own time
 *       span is its baseline and the rest its window.</li>
 * </ol>
 *
 * <h2>Signals</h2>
 * One signal per anomalous series, typed with the most specific vocabulary type
 * ({@code LatencyAnomaly}, {@code ErrorRateAnomaly}, {@code TrafficAnomaly}, {@code CPUAnomaly},
 * {@code MemoryAnomaly}, {@code NetworkAnomaly}, {@code DiskAnomaly}, else {@code MetricAnomaly};
 * {@code ErrorSpan}; {@code ErrorLogSpike}, {@code NewLogTemplate}, {@code LogSignature}), on the
 * service-level entity ({@link dev.taproot.ingest.detect.TelemetryEntities}); {@code start} is the
 * onset (change point), {@code end} the last anomalous point; attributes {@code metric}, {@code score}
 * (robust z, capped at 100, comparable across metrics), {@code direction}, {@code baseline},
 * {@code observed}, and where known {@code pod}, {@code peer}, {@code template}, {@code example},
 * {@code count}. Anomalies in a harmless direction (latency down) are not emitted unless
 * {@link dev.taproot.ingest.detect.TelemetryConfig#emitHarmless()}.
 *
 * <h2>Adding a format</h2>
 * Add a constant to {@link dev.taproot.ingest.telemetry.TelemetryFormat}, a parser in the
 * {@code metrics}, {@code traces} or {@code logs} package producing that package's neutral records,
 * and one case in {@code TelemetryAnalyzer.read}.
 */
package dev.taproot.ingest.telemetry;
