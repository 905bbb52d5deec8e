package dev.taproot.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.taproot.api.Taproot;
import dev.taproot.api.TaprootConfig;
import dev.taproot.api.chatops.ChatOpsConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.SlackSignature;
import dev.taproot.graph.store.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Concurrent ChatOps load on loopback: N clients send signed Slack {@code /taproot why <service>}
 * commands, each waiting for its answer, against the demo topology plus a synthetic graph. Prints
 * analyses per second and latency percentiles; the last line is the summary.
 */
@Command(name = "chatops", mixinStandardHelpOptions = true,
        description = "Signed Slack 'why' commands from concurrent clients on loopback: analyses/s and latency.")
public final class ChatOpsBench implements Callable<Integer> {

    static final String SECRET = "bench-signing-secret";

    @Option(names = "--clients", defaultValue = "10", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--entities", defaultValue = "50000", description = "Synthetic entities besides the demo (default ${DEFAULT-VALUE}).")
    int entities;

    @Option(names = "--relationships", defaultValue = "100000", description = "Synthetic relationships (default ${DEFAULT-VALUE}).")
    int relationships;

    @Option(names = "--target-p99-ms", defaultValue = "100", description = "Latency goal for the summary (default ${DEFAULT-VALUE}).")
    double targetP99;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-chatops");
        var config = TaprootConfig.from(home, 0, 0, Map.of());
        try (Taproot taproot = Taproot.over(config, GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0)))) {
            long t0 = System.nanoTime();
            BenchDemo.loadDemo(taproot);
            List<String> synthetic = BenchDemo.loadSynthetic(taproot, entities, relationships, 10_000, seed);
            System.out.printf("loaded demo + %d synthetic entities, %d relationships in %.1f s%n",
                    entities, relationships, (System.nanoTime() - t0) / 1e9);
            var chat = new ChatOpsConfig(SECRET, null, null, List.of("http://127.0.0.1:"), null);
            try (TaprootServer server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0,
                    SecurityConfig.openLoopback().withRateLimit(1_000_000, 1_000_000)).withChatOps(chat))) {
                var targets = new ArrayList<String>(List.of("paymentservice", "checkoutservice", "cartservice", "frontend",
                        "redis-cart", "currencyservice", "productcatalogservice", "shippingservice"));
                var random = new SplittableRandom(seed);
                for (int i = 0; i < 200; i++) {
                    targets.add(synthetic.get(random.nextInt(synthetic.size())));
                }
                String at = BenchDemo.ALERTS_AT.plusSeconds(60).toString();
                System.out.printf("warming up %d s...%n", warmup);
                run(server.port(), targets, at, warmup, new ConcurrentLinkedQueue<>(), new AtomicInteger());
                var latencies = new ConcurrentLinkedQueue<Long>();
                var failures = new AtomicInteger();
                long started = System.nanoTime();
                run(server.port(), targets, at, seconds, latencies, failures);
                double elapsed = (System.nanoTime() - started) / 1e9;
                long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
                if (nanos.length == 0) {
                    System.out.println("bench chatops: no answer was received");
                    return 1;
                }
                Stats stats = Stats.ofNanos(nanos);
                double rate = nanos.length / elapsed;
                System.out.printf("%d answers in %.1f s from %d clients (%d failed): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        nanos.length, elapsed, clients, failures.get(), stats.p50(), stats.p99(), stats.max());
                System.out.printf("bench chatops: %.1f analyses/s with %d clients, p50=%.1f ms p99=%.1f ms (goal p99 <= %.0f ms: %s)%n",
                        rate, clients, stats.p50(), stats.p99(), targetP99, stats.p99() <= targetP99 ? "met" : "missed");
            }
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private void run(int port, List<String> targets, String at, int forSeconds, ConcurrentLinkedQueue<Long> latencies,
                     AtomicInteger failures) throws InterruptedException {
        long deadline = System.nanoTime() + forSeconds * 1_000_000_000L;
        var signer = new SlackSignature(SECRET);
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                var random = new SplittableRandom(seed + client);
                while (System.nanoTime() < deadline) {
                    String text = "why " + targets.get(random.nextInt(targets.size())) + " at " + at;
                    String body = "command=%2Ftaproot&user_id=U" + client + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                            + "&response_url=" + URLEncoder.encode("http://127.0.0.1:9/none", StandardCharsets.UTF_8);
                    String ts = Long.toString(System.currentTimeMillis() / 1000);
                    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chatops/slack/commands"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Slack-Request-Timestamp", ts)
                            .header("X-Slack-Signature", "v0=" + signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - s;
                        if (r.statusCode() == 200 && r.body().contains("\"blocks\"")) {
                            latencies.add(took);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
