package dev.taproot.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Alert received to answer posted: the demo's Alertmanager group (a crash-looping pod, its Deployment short of
 * replicas, checkout errors, front-end latency) is posted to the relay on loopback, one group at a time, each
 * with a new group key; the time until the notification reaches a local Slack Web API receiver is measured.
 * With {@code --prometheus URL} every diagnosis also pulls its window from that Prometheus, so the round trip
 * to a real metrics server is included.
 */
@Command(name = "alert", mixinStandardHelpOptions = true,
        description = "Alertmanager group to Slack answer on loopback: p50/p99 of alert received to answer posted.")
public final class AlertBench implements Callable<Integer> {

    static final String TOKEN = "bench-alertmanager-ingest-token-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--groups", defaultValue = "100", description = "Alert groups measured (default ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--warmup", defaultValue = "20", description = "Alert groups sent first, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--prometheus", paramLabel = "URL", description = "A Prometheus each diagnosis pulls its window from.")
    URI prometheus;

    @Option(names = "--target-p99-ms", defaultValue = "2000", description = "Latency goal for the summary (default ${DEFAULT-VALUE}).")
    double targetP99;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-alert");
        var posted = new LinkedBlockingQueue<Long>();
        HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/chat.postMessage") || path.endsWith("/chat.update")) {
                posted.add(System.nanoTime());
            }
            byte[] ok = "{\"ok\":true,\"channel\":\"C0BENCH\",\"ts\":\"1767225600.000100\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slack.start();
        Path config = home.resolve("taproot.yaml");
        Files.writeString(config, """
                store: {dataDir: data}
                http: {host: 127.0.0.1, port: 0}
                security:
                  tokens: [{name: alertmanager, role: ingest, secret: %s}]
                  rateLimit: {perMinute: 1000000, burst: 1000000}
                %s
                notifications:
                  destinations:
                    - {name: oncall, type: slack, token: xoxb-bench, channel: C0BENCH, apiUrl: 'http://127.0.0.1:%d/api'}
                  routes:
                    - {name: everything, to: [oncall]}
                """.formatted(TOKEN, prometheus == null ? "" : """
                sources:
                  prometheus:
                    - name: bench
                      url: %s
                      querySets: [cadvisor, kube-state-metrics]
                """.formatted(prometheus), slack.getAddress().getPort()));
        byte[] group = BenchDemo.resource("demo/alertmanager-checkout-failure.json");
        try (Taproot taproot = Taproot.over(ConfigLoader.load(config, Map.of(), CommandLineOverrides.NONE).orThrow(),
                GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0)));
             TaprootServer server = TaprootServer.start(taproot)) {
            BenchDemo.loadDemo(taproot);
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("warming up with %d groups%s...%n", warmup, prometheus == null ? "" : ", pulling from " + prometheus);
            send(http, server.port(), group, warmup, posted, "warmup", null);
            long[] nanos = new long[groups];
            int answered = send(http, server.port(), group, groups, posted, "bench", nanos);
            if (answered == 0) {
                System.out.println("bench alert: no answer was posted");
                return 1;
            }
            Stats stats = Stats.ofNanos(java.util.Arrays.copyOf(nanos, answered));
            System.out.printf("bench alert: %d of %d groups answered, alert received to Slack answer posted p50 %.0f ms, "
                            + "p99 %.0f ms, max %.0f ms (goal p99 <= %.0f ms: %s)%s%n", answered, groups, stats.p50(), stats.p99(),
                    stats.max(), targetP99, stats.p99() <= targetP99 ? "met" : "not met",
                    prometheus == null ? "" : "; each diagnosis pulled from " + prometheus);
        } finally {
            slack.stop(0);
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    /** Sends {@code n} groups one after another; returns how many were answered, their latencies in {@code nanos}. */
    private static int send(HttpClient http, int port, byte[] group, int n, LinkedBlockingQueue<Long> posted, String prefix,
                            long[] nanos) throws IOException, InterruptedException {
        int answered = 0;
        for (int i = 0; i < n; i++) {
            var body = (ObjectNode) JSON.readTree(group);
            body.put("groupKey", "{}:{bench=\"" + prefix + "-" + i + "\"}");
            posted.clear();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chatops/alertmanager"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            long sent = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IOException("the relay answered " + r.statusCode() + ": " + r.body());
            }
            Long at = posted.poll(30, TimeUnit.SECONDS);
            if (at != null && nanos != null) {
                nanos[answered] = at - sent;
            }
            answered += at == null ? 0 : 1;
        }
        return answered;
    }
}
