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
import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.SlackSignature;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Concurrent ChatOps load on loopback: N clients send signed Slack {@code /taproot why <service>}
 * commands against the demo topology plus a synthetic graph, as fast as they go or at offered loads
 * ({@code --rates}). Prints analyses per second and latency percentiles per load; the last line says
 * the highest throughput and the highest one whose p99 met the goal.
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

    @Option(names = "--rates", split = ",", defaultValue = "0",
            description = "Offered loads to step through, requests/s over all clients; 0 = as fast as the clients go (default ${DEFAULT-VALUE}).")
    List<Double> rates;

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
                run(server.port(), targets, at, warmup, new ConcurrentLinkedQueue<>(), new AtomicInteger(), 0);
                double bestRate = -1;
                double maxRate = 0;
                for (double offered : rates) {
                    var latencies = new ConcurrentLinkedQueue<Long>();
                    var failures = new AtomicInteger();
                    long started = System.nanoTime();
                    run(server.port(), targets, at, seconds, latencies, failures, offered);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
                    if (nanos.length == 0) {
                        System.out.printf("offered %s: no answer was received%n", offered == 0 ? "max" : offered + "/s");
                        continue;
                    }
                    Stats stats = Stats.ofNanos(nanos);
                    double rate = nanos.length / elapsed;
                    maxRate = Math.max(maxRate, rate);
                    if (stats.p99() <= targetP99 && failures.get() == 0) {
                        bestRate = Math.max(bestRate, rate);
                    }
                    System.out.printf("offered %s: %d answers in %.1f s from %d clients (%d not inline): %.1f analyses/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            offered == 0 ? "max" : String.format("%.1f/s", offered), nanos.length, elapsed, clients, failures.get(),
                            rate, stats.p50(), stats.p99(), stats.max());
                }
                System.out.printf("bench chatops: %d clients, max %.1f analyses/s; at p99 <= %.0f ms: %s%n", clients, maxRate,
                        targetP99, bestRate < 0 ? "not reached at the offered loads" : String.format("%.1f analyses/s", bestRate));
            }
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private void run(int port, List<String> targets, String at, int forSeconds, ConcurrentLinkedQueue<Long> latencies,
                     AtomicInteger failures, double offered) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + forSeconds * 1_000_000_000L;
        // with an offered load, each client sends on its own schedule (open loop): one request every clients/offered s
        long interval = offered > 0 ? (long) (clients / offered * 1e9) : 0;
        var signer = new SlackSignature(SECRET);
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                var random = new SplittableRandom(seed + client);
                long next = begin + (interval > 0 ? interval * client / clients : 0);
                while (System.nanoTime() < deadline) {
                    if (interval > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += interval;
                        if (System.nanoTime() >= deadline) {
                            break;
                        }
                    }
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
