package dev.taproot.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.testing.FakeChatServer;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.live.RealPrometheus;
import dev.taproot.ingest.metrics.MetricSeries;
import dev.taproot.ingest.metrics.PrometheusMatrixParser;
import dev.taproot.rules.eval.CaseSpec;

/**
 * A real alert, end to end: a labelled case's recorded metrics are moved to the last hour and backfilled
 * into Debian's Prometheus, which evaluates an alerting rule written as kube-prometheus writes them
 * (p99 latency over twice its hourly median) and sends what fires to Debian's Alertmanager; Alertmanager
 * delivers the group to Taproot's relay; Taproot asks about the alerted service users meet, pulls the
 * window from the same Prometheus, and posts its diagnosis to a Slack-compatible receiver, where the test
 * reads the root cause. The case is the first whose cause is a CPU fault on a service that others call.
 */
class RealAlertEndToEndTest {

    static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    static final String INGEST = "e2e-alertmanager-ingest-token-0001";

    static final String RULES = """
            groups:
              - name: service-latency
                rules:
                  - alert: PodLatencyHigh
                    expr: |
                      max_over_time(pod_server_latency_p99_seconds[5m])
                        > 2 * quantile_over_time(0.5, pod_server_latency_p99_seconds[1h])
                    labels:
                      severity: warning
                    annotations:
                      summary: p99 latency of {{ $labels.pod }} is over twice its hourly median
                      runbook_url: https://runbooks.example.internal/pod-latency-high
            """;

    @TempDir
    Path dir;

    @Test
    void anAlertPrometheusFiresReachesSlackWithItsRootCause() throws Exception {
        assumeTrue(RealPrometheus.installed() && Files.isExecutable(ALERTMANAGER),
                "Debian's prometheus and prometheus-alertmanager packages are not installed");
        CaseSpec spec = chosenCase();
        Instant now = Instant.now();
        Path metrics = dir.resolve("metrics.om.txt");
        shiftedToNow(spec, now, metrics);
        int alertmanagerPort = freePort();
        Files.writeString(dir.resolve("rules.yml"), RULES);
        String prometheusYaml = """
                global: {scrape_interval: 1m, evaluation_interval: 1s}
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(alertmanagerPort);
        try (FakeChatServer slack = new FakeChatServer();
             RealPrometheus prometheus = RealPrometheus.backfilled(metrics, dir, prometheusYaml)) {
            Path config = dir.resolve("taproot.yaml");
            Files.writeString(config, """
                    store: {dataDir: data}
                    http: {host: 127.0.0.1, port: 0}
                    security:
                      tokens: [{name: alertmanager, role: ingest, secret: %s}]
                    sources:
                      prometheus:
                        - name: cluster
                          url: %s
                          queries: {series: '{__name__=~"pod_.+|cpu_.+|memory_.+|network_.+"}'}
                    notifications:
                      destinations:
                        - {name: oncall, type: slack, token: xoxb-e2e, channel: C0ONCALL, apiUrl: %s}
                      routes:
                        - {name: everything, to: [oncall]}
                    """.formatted(INGEST, prometheus.url(), slack.url("/slack")));
            try (Taproot taproot = Taproot.over(ConfigLoader.load(config, Map.of(), CommandLineOverrides.NONE).orThrow(),
                    TestStores.emptyEmbedded());
                 TaprootServer server = TaprootServer.start(taproot)) {
                for (Path file : topology(spec)) {
                    taproot.ingest().ingest(IngestInput.of(file, now), true);
                }
                Process alertmanager = startAlertmanager(alertmanagerPort, server.port());
                try {
                    var posts = awaitPosts(slack, Duration.ofSeconds(120));
                    assertThat(posts).as("Slack messages posted (Alertmanager log: %s)", log("alertmanager.log")).isNotEmpty();
                    String header = posts.get(0).json().path("text").asText();
                    var m = java.util.regex.Pattern.compile("Why (\\S+): most likely (\\S+) ").matcher(header);
                    assertThat(m.find()).as("the posted header: %s", header).isTrue();
                    // asked about the alerted service users meet, which calls the others, not the first alert's pod
                    assertThat(m.group(1)).isNotEqualTo(spec.expectedRootCause()).doesNotContain(spec.expectedRootCause() + "-");
                    assertThat(callers(spec, m.group(1))).as("callers of %s", m.group(1)).isEmpty();
                    // the cause, found from metrics Taproot pulled itself: nothing else was ingested but the topology
                    assertThat(m.group(2)).isEqualTo(spec.expectedRootCause());
                } finally {
                    alertmanager.destroy();
                    alertmanager.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The services that call {@code service} in the case's call graph. */
    private static List<String> callers(CaseSpec spec, String service) throws Exception {
        return Files.readAllLines(spec.dir().resolve("topology/calls.edges.csv")).stream().skip(1).map(l -> l.split(","))
                .filter(f -> f.length > 1 && f[1].strip().equals(service))
                .map(f -> f[0].strip()).toList();
    }

    /** The first case (sorted) with a CPU fault on a service that another service calls. */
    private static CaseSpec chosenCase() throws Exception {
        for (Path p : CaseSpec.find(SharedData.require("cases"))) {
            CaseSpec spec = CaseSpec.read(p);
            Path calls = spec.dir().resolve("topology/calls.edges.csv");
            String fault = spec.expectedFaultType() == null ? "" : spec.expectedFaultType();
            if (fault.startsWith("cpu") && Files.exists(calls) && spec.symptomEntities().isEmpty()
                    && Files.readAllLines(calls).stream().skip(1).anyMatch(l -> l.split(",").length > 1
                    && l.split(",")[1].strip().equals(spec.expectedRootCause()))) {
                return spec;
            }
        }
        throw new AssertionError("no shared case has a CPU fault on a called service");
    }

    /**
     * The case's recorded window moved to end a minute ago, its baseline period just before it: the last
     * hour of a cluster whose Prometheus has been scraping all along.
     */
    private static void shiftedToNow(CaseSpec spec, Instant now, Path out) throws Exception {
        var samples = new RealPrometheus.Samples();
        List<MetricSeries> window = series(spec.dir().resolve("signals/metrics.prom.json"));
        List<MetricSeries> baseline = series(spec.dir().resolve("baseline/metrics.prom.json"));
        long windowLast = window.stream().mapToLong(s -> s.series().lastTime()).max().orElseThrow();
        long windowFirst = window.stream().mapToLong(s -> s.series().firstTime()).min().orElseThrow();
        long windowShift = now.minusSeconds(60).toEpochMilli() - windowLast;
        long baselineLast = baseline.stream().mapToLong(s -> s.series().lastTime()).max().orElse(0);
        long baselineShift = windowFirst + windowShift - 60_000 - baselineLast;
        add(samples, window, windowShift);
        add(samples, baseline, baselineShift);
        Files.writeString(out, samples.openMetrics());
    }

    private static void add(RealPrometheus.Samples samples, List<MetricSeries> series, long shiftMillis) {
        for (MetricSeries s : series) {
            for (int i = 0; i < s.series().size(); i++) {
                if (Double.isFinite(s.series().values()[i])) {
                    samples.add(s.metric(), s.labels(), Instant.ofEpochMilli(s.series().times()[i] + shiftMillis), s.series().values()[i]);
                }
            }
        }
    }

    private static List<MetricSeries> series(Path file) throws Exception {
        return Files.exists(file) ? new PrometheusMatrixParser().parse(IngestInput.of(file, Instant.EPOCH)).series() : List.of();
    }

    private static List<Path> topology(CaseSpec spec) throws Exception {
        try (var files = Files.list(spec.dir().resolve("topology"))) {
            return files.sorted().toList();
        }
    }

    private Process startAlertmanager(int port, int taprootPort) throws Exception {
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: taproot
                  group_wait: 2s
                  group_interval: 1m
                  repeat_interval: 4h
                receivers:
                  - name: taproot
                    webhook_configs:
                      - url: http://127.0.0.1:%d/api/v1/chatops/alertmanager
                        send_resolved: true
                        http_config:
                          authorization: {type: Bearer, credentials: %s}
                """.formatted(taprootPort, INGEST));
        return new ProcessBuilder(List.of(ALERTMANAGER.toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager")), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=info"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
    }

    private static List<FakeChatServer.Request> awaitPosts(FakeChatServer slack, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        List<FakeChatServer.Request> posts = new ArrayList<>();
        while (posts.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(200);
            posts = slack.to("/slack/chat.postMessage");
        }
        return posts;
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
