package dev.taproot.ingest.detect;

import java.time.Duration;
import java.util.List;

import dev.taproot.ingest.anomaly.DetectorConfig;
import dev.taproot.ingest.logs.LogConfig;
import dev.taproot.ingest.metrics.MetricClassifier;

/**
 * Everything that tunes telemetry analysis, with {@link #DEFAULTS}.
 *
 * @param detector                  the anomaly detector's settings
 * @param classifier                metric name to anomaly type
 * @param nodeMetricPrefixes        metric name prefixes of node-level series (they belong to the node)
 * @param baselineIncludesPreWindow whether the samples of the window inputs that precede the window start
 *                                  join the baseline inputs' samples (they do when no baseline input exists)
 * @param emitHarmless              whether anomalies in a harmless direction (latency down) become signals
 *                                  (typed {@code MetricAnomaly}); off by default
 * @param peerDampening             whether a metric anomaly's score shrinks with the share of the same metric's
 *                                  series (other pods, services) anomalous at the same time
 * @param traceBucket               the bucket width of per-service and per-edge trace series
 * @param logs                      log template mining and log signal settings
 */
public record TelemetryConfig(DetectorConfig detector, MetricClassifier classifier, List<String> nodeMetricPrefixes,
                              boolean baselineIncludesPreWindow, boolean emitHarmless, boolean peerDampening, Duration traceBucket,
                              LogConfig logs) {

    public static final List<String> DEFAULT_NODE_METRIC_PREFIXES = List.of("node_", "host_", "machine_");
    public static final Duration DEFAULT_TRACE_BUCKET = Duration.ofSeconds(30);

    public static final TelemetryConfig DEFAULTS = new TelemetryConfig(DetectorConfig.DEFAULTS,
            MetricClassifier.DEFAULTS, DEFAULT_NODE_METRIC_PREFIXES, false, false, true, DEFAULT_TRACE_BUCKET,
            LogConfig.DEFAULTS);

    public TelemetryConfig {
        nodeMetricPrefixes = List.copyOf(nodeMetricPrefixes);
    }

    public TelemetryConfig withDetector(DetectorConfig d) {
        return new TelemetryConfig(d, classifier, nodeMetricPrefixes, baselineIncludesPreWindow, emitHarmless,
                peerDampening, traceBucket, logs);
    }

    public TelemetryConfig withBaselineIncludesPreWindow(boolean b) {
        return new TelemetryConfig(detector, classifier, nodeMetricPrefixes, b, emitHarmless, peerDampening,
                traceBucket, logs);
    }

    public TelemetryConfig withEmitHarmless(boolean b) {
        return new TelemetryConfig(detector, classifier, nodeMetricPrefixes, baselineIncludesPreWindow, b,
                peerDampening, traceBucket, logs);
    }

    public TelemetryConfig withPeerDampening(boolean b) {
        return new TelemetryConfig(detector, classifier, nodeMetricPrefixes, baselineIncludesPreWindow, emitHarmless,
                b, traceBucket, logs);
    }
}
