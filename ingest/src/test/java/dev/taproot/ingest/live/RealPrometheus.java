package dev.taproot.ingest.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} serving samples a test wrote: {@link Samples} collects them, {@code promtool tsdb
 * create-blocks-from openmetrics} backfills them into a TSDB under a temporary directory, and the server
 * answers {@code query_range} on a free loopback port until closed. Tests using it are skipped (with the
 * reason) where the package is not installed.
 */
public final class RealPrometheus implements AutoCloseable {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    /** OpenMetrics samples of gauges, grouped by series, in time order once written. */
    public static final class Samples {
        private final Map<String, TreeMap<Long, Double>> series = new TreeMap<>();

        /** One sample of the gauge {@code metric} with these labels (in their written order). */
        public Samples add(String metric, Map<String, String> labels, Instant at, double value) {
            var text = new StringBuilder(metric).append('{');
            labels.forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ",").append(k).append("=\"")
                    .append(v).append('"'));
            series.computeIfAbsent(text.append('}').toString(), k -> new TreeMap<>()).put(at.getEpochSecond(), value);
            return this;
        }

        /** Samples every {@code step} over [from, to) with values from {@code value}. */
        public Samples fill(String metric, Map<String, String> labels, Instant from, Instant to, Duration step,
                            java.util.function.LongToDoubleFunction value) {
            for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
                add(metric, labels, t, value.applyAsDouble(t.getEpochSecond()));
            }
            return this;
        }

        public String openMetrics() {
            var out = new StringBuilder();
            var typed = new java.util.HashSet<String>();
            series.forEach((s, points) -> {
                String metric = s.substring(0, s.indexOf('{'));
                if (typed.add(metric)) {
                    out.append("# TYPE ").append(metric).append(" gauge\n");
                }
                points.forEach((t, v) -> out.append(s).append(' ').append(String.format(Locale.ROOT, "%.6f", v)).append(' ')
                        .append(t).append('\n'));
            });
            return out.append("# EOF\n").toString();
        }
    }

    private final Process process;
    private final URI url;

    private RealPrometheus(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Whether Debian's prometheus and promtool are installed; tests assume it. */
    public static boolean installed() {
        return Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
    }

    /**
     * Backfills the samples into a TSDB under {@code dir} and starts Prometheus over it; skips the test
     * where the package is missing.
     */
    public static RealPrometheus serving(Samples samples, Path dir) throws IOException, InterruptedException {
        assumeTrue(installed(), "Debian's prometheus package is not installed (apt-get install prometheus)");
        Path input = dir.resolve("samples.om.txt");
        Files.writeString(input, samples.openMetrics());
        return backfilled(input, dir);
    }

    /**
     * Backfills an OpenMetrics file into a TSDB under {@code dir} and starts Prometheus over it; skips the
     * test where the package is missing.
     */
    public static RealPrometheus backfilled(Path input, Path dir) throws IOException, InterruptedException {
        return backfilled(input, dir, "global: {scrape_interval: 1m}\n");
    }

    /**
     * As {@link #backfilled(Path, Path)}, with this {@code prometheus.yml} (rule files and Alertmanagers, say;
     * relative paths are read from {@code dir}).
     */
    public static RealPrometheus backfilled(Path input, Path dir, String configYaml) throws IOException, InterruptedException {
        assumeTrue(installed(), "Debian's prometheus package is not installed (apt-get install prometheus)");
        Path data = Files.createDirectories(dir.resolve("tsdb"));
        run(List.of(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", input.toString(), data.toString()), dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, configYaml);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        var prometheus = new RealPrometheus(p, URI.create("http://127.0.0.1:" + port));
        try {
            prometheus.awaitReady(dir);
        } catch (IOException | RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /** Where it answers. */
    public URI url() {
        return url;
    }

    private void awaitReady(Path dir) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IOException("prometheus exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                var answer = client.send(HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("prometheus was not ready within 30 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
