package dev.taproot.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.telemetry.TelemetryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates a Prometheus query_range response (series x samples at a step, a few with a level shift in
 * the last quarter) and times reading and scoring it: the window is the last quarter, the rest its baseline.
 */
@Command(name = "telemetry-metrics", mixinStandardHelpOptions = true,
        description = "Time Prometheus matrix parsing + anomaly scoring (goal: 10k series x 1 h at 15 s in < 2 s).")
public final class TelemetryMetricsBench implements Callable<Integer> {

    @Option(names = "--series", defaultValue = "10000")
    int series;

    @Option(names = "--samples", defaultValue = "240", description = "Samples per series (240 = 1 h at 15 s).")
    int samples;

    @Option(names = "--step", defaultValue = "15", description = "Seconds between samples.")
    int step;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Override
    public Integer call() throws Exception {
        long start = 1_700_000_000L;
        byte[] body = generate(start);
        System.out.printf("generated %d series x %d samples (%.1f MB)%n", series, samples, body.length / 1e6);
        var analyzer = new TelemetryAnalyzer();
        var window = new AnalysisWindow(Instant.ofEpochSecond(start + (long) step * samples * 3 / 4),
                Instant.ofEpochSecond(start + (long) step * samples));
        long[] times = new long[runs];
        TelemetryReport report = null;
        for (int r = 0; r < runs + 1; r++) {
            long t0 = System.nanoTime();
            var writer = new GraphWriter();
            report = analyzer.analyze(new TelemetryRequest(List.of(new IngestInput("bench.prom.json", body, Instant.now())),
                    List.of(), window), TelemetryEntities.Graph.NONE, writer);
            long took = System.nanoTime() - t0;
            if (r > 0) {
                times[r - 1] = took; // the first run warms the JIT
            }
        }
        long p0 = System.nanoTime();
        new dev.taproot.ingest.metrics.PrometheusMatrixParser().parse(new IngestInput("bench.prom.json", body, Instant.now()));
        long parseNanos = System.nanoTime() - p0;
        Stats s = Stats.ofNanos(times);
        System.out.printf("of which parsing alone: %.0f ms%n", parseNanos / 1e6);
        System.out.println(report.summary());
        System.out.printf("telemetry-metrics: %d series x %d samples parsed+scored: p50 %.0f ms, max %.0f ms (%d runs; goal < 2000 ms)%n",
                series, samples, s.p50(), s.max(), runs);
        return 0;
    }

    private byte[] generate(long start) {
        var random = new SplittableRandom(7);
        var out = new ByteArrayOutputStream(series * samples * 24);
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        String[] metrics = {"container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                "http_server_request_duration_seconds", "http_requests_total"};
        for (int i = 0; i < series; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String metric = metrics[i % metrics.length];
            sb.append("{\"metric\":{\"__name__\":\"").append(metric).append("\",\"pod\":\"svc").append(i / 40)
                    .append("-7d9f8b6c5d-x").append(String.format("%04d", i % 40)).append("\"},\"values\":[");
            double level = 1 + random.nextDouble() * 100;
            boolean shifted = i % 100 == 0;
            for (int k = 0; k < samples; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                double v = level * (1 + 0.05 * random.nextGaussian()) * (shifted && k > samples * 3 / 4 + 5 ? 3 : 1);
                sb.append('[').append(start + (long) k * step).append(",\"").append((float) v).append("\"]");
            }
            sb.append("]}");
            if (sb.length() > 1 << 15) {
                out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        sb.append("]}}");
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
