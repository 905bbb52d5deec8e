package dev.taproot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.metrics.MetricSet;
import dev.taproot.ingest.metrics.PrometheusMatrixParser;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryConfig;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.telemetry.TelemetryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * False alarms: every case's fault-free {@code baseline/} split in two halves by time; the second half is
 * analysed as a window against the first. Every signal raised is a false alarm.
 */
@Command(name = "telemetry-false-alarms", mixinStandardHelpOptions = true,
        description = "Anomalies raised by the second half of fault-free baselines against the first half (goal: close to none).")
public final class TelemetryFalseAlarmBench implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "The shared data folder.")
    Path data;

    @Option(names = "--threshold", description = "Override the detector threshold (robust z).")
    Double threshold;

    @Option(names = "--outside-range", description = "Override whether points must leave the baseline's range.")
    Boolean outsideRange;

    @Override
    public Integer call() throws Exception {
        var detector = TelemetryConfig.DEFAULTS.detector();
        if (threshold != null) {
            detector = detector.withThreshold(threshold);
        }
        if (outsideRange != null) {
            detector = detector.withOutsideRange(outsideRange);
        }
        System.out.println("detector: " + detector);
        var analyzer = new TelemetryAnalyzer(TelemetryConfig.DEFAULTS.withDetector(detector));
        var parser = new PrometheusMatrixParser();
        Map<String, long[]> perSystem = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        try (Stream<Path> systems = Files.list(data.resolve("cases"))) {
            for (Path system : systems.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> cases = Files.list(system)) {
                    for (Path c : cases.sorted().toList()) {
                        Path baseline = c.resolve("baseline");
                        if (!Files.isDirectory(baseline)) {
                            continue;
                        }
                        List<IngestInput> inputs;
                        try (Stream<Path> files = Files.list(baseline)) {
                            inputs = files.sorted().map(f -> IngestInput.of(f, Instant.now())).toList();
                        }
                        long[] span = span(inputs, parser);
                        if (span == null) {
                            continue;
                        }
                        long mid = span[0] + (span[1] - span[0]) / 2;
                        var writer = new GraphWriter();
                        TelemetryReport r = analyzer.analyze(new TelemetryRequest(inputs, List.of(),
                                new AnalysisWindow(Instant.ofEpochMilli(mid), Instant.ofEpochMilli(span[1]))),
                                TelemetryEntities.Graph.NONE, writer);
                        long[] acc = perSystem.computeIfAbsent(system.getFileName().toString(), k -> new long[3]);
                        acc[0]++;
                        acc[1] += r.count("series.scored");
                        acc[2] += r.signalTotal();
                        r.signals().forEach((t, n) -> byType.merge(t, n, Integer::sum));
                    }
                }
            }
        }
        long cases = 0;
        long series = 0;
        long alarms = 0;
        for (var e : perSystem.entrySet()) {
            long[] a = e.getValue();
            System.out.printf("  %-10s %3d baselines, %6d series scored, %5d false alarms (%.1f per baseline, %.2f%% of series)%n",
                    e.getKey(), a[0], a[1], a[2], a[2] / (double) a[0], 100.0 * a[2] / Math.max(1, a[1]));
            cases += a[0];
            series += a[1];
            alarms += a[2];
        }
        System.out.println("  by type: " + byType);
        System.out.printf("telemetry-false-alarms: %d baselines, %d series scored, %d false alarms (%.2f%% of series)%n",
                cases, series, alarms, 100.0 * alarms / Math.max(1, series));
        return 0;
    }

    /** The time span of the metric inputs, epoch ms, or null when there are none. */
    private static long[] span(List<IngestInput> inputs, PrometheusMatrixParser parser) throws Exception {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (IngestInput in : inputs) {
            if (!in.fileName().endsWith(".prom.json")) {
                continue;
            }
            MetricSet set = parser.parse(in);
            for (var s : set.series()) {
                if (!s.series().isEmpty()) {
                    min = Math.min(min, s.series().firstTime());
                    max = Math.max(max, s.series().lastTime());
                }
            }
        }
        return min == Long.MAX_VALUE ? null : new long[] {min, max};
    }
}
