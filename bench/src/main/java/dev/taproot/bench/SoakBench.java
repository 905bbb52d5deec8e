package dev.taproot.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mixed load on loopback for a long time, to show that nothing grows or slows: clients send analyses,
 * Alertmanager payloads, OTLP trace pushes and similar-incident searches at once, over the demo and
 * a synthetic graph. Prints a line a minute (requests/s and p99 per kind, heap), then per kind the
 * totals, p50/p99 and errors, and the heap after a full GC at the start and at the end.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Mixed load (analyses, alert ingests, OTLP pushes, searches) for a long time: throughput, p50/p99, heap drift.")
public final class SoakBench implements Callable<Integer> {

    /** The kinds of request in the mix. */
    enum Kind { ANALYSIS, ALERTS, OTLP, SEARCH }

    @Option(names = "--seconds", defaultValue = "1800", description = "How long the load runs (default ${DEFAULT-VALUE}: 30 minutes).")
    int seconds;

    @Option(names = "--clients", defaultValue = "2", description = "Clients per kind of request (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--entities", defaultValue = "20000", description = "Synthetic entities besides the demo (default ${DEFAULT-VALUE}).")
    int entities;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-soak");
        var config = TaprootConfig.from(home, 0, 0, Map.of());
        try (Taproot taproot = Taproot.over(config, GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0)))) {
            BenchDemo.loadDemo(taproot);
            List<String> synthetic = BenchDemo.loadSynthetic(taproot, entities, entities * 2, 10_000, seed);
            try (TaprootServer server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0,
                    SecurityConfig.openLoopback().withRateLimit(10_000_000, 10_000_000)))) {
                long heapStart = heapAfterGc();
                System.out.printf("soak: %d s, %d clients per kind (analyses, alert payloads, OTLP pushes, searches); heap after GC at start %d MiB%n",
                        seconds, clients, heapStart >> 20);
                var latencies = new EnumMap<Kind, ConcurrentLinkedQueue<Long>>(Kind.class);
                var errors = new EnumMap<Kind, AtomicLong>(Kind.class);
                for (Kind k : Kind.values()) {
                    latencies.put(k, new ConcurrentLinkedQueue<>());
                    errors.put(k, new AtomicLong());
                }
                long begin = System.nanoTime();
                long deadline = begin + seconds * 1_000_000_000L;
                var threads = new ArrayList<Thread>();
                for (Kind k : Kind.values()) {
                    for (int c = 0; c < clients; c++) {
                        long clientSeed = seed + k.ordinal() * 1000L + c;
                        threads.add(Thread.ofPlatform().name("soak-" + k + "-" + c).start(() ->
                                drive(k, server.port(), synthetic, deadline, clientSeed, latencies.get(k), errors.get(k))));
                    }
                }
                long lastReport = begin;
                var reported = new EnumMap<Kind, Integer>(Kind.class);
                while (System.nanoTime() < deadline) {
                    Thread.sleep(Math.min(1_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                    if (System.nanoTime() - lastReport >= 60_000_000_000L) {
                        progress(latencies, reported, (System.nanoTime() - lastReport) / 1e9, (System.nanoTime() - begin) / 1e9);
                        lastReport = System.nanoTime();
                    }
                }
                for (Thread t : threads) {
                    t.join();
                }
                double elapsed = (System.nanoTime() - begin) / 1e9;
                long heapEnd = heapAfterGc();
                long total = 0;
                for (Kind k : Kind.values()) {
                    long[] nanos = latencies.get(k).stream().mapToLong(Long::longValue).toArray();
                    total += nanos.length;
                    if (nanos.length == 0) {
                        System.out.printf("%-8s no answers, %d errors%n", k, errors.get(k).get());
                        continue;
                    }
                    Stats s = Stats.ofNanos(nanos);
                    System.out.printf("%-8s %8d answers %8.1f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %d%n",
                            k, nanos.length, nanos.length / elapsed, s.p50(), s.p99(), s.max(), errors.get(k).get());
                }
                System.out.printf("bench soak: %.0f s, %.1f requests/s in all, heap after GC %d MiB at start, %d MiB at end%n",
                        elapsed, total / elapsed, heapStart >> 20, heapEnd >> 20);
            }
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private static void progress(Map<Kind, ConcurrentLinkedQueue<Long>> latencies, Map<Kind, Integer> reported,
                                 double window, double since) {
        var line = new StringBuilder(String.format("  %5.0f s:", since));
        for (var e : latencies.entrySet()) {
            long[] all = e.getValue().stream().mapToLong(Long::longValue).toArray();
            int from = reported.getOrDefault(e.getKey(), 0);
            long[] recent = java.util.Arrays.copyOfRange(all, Math.min(from, all.length), all.length);
            reported.put(e.getKey(), all.length);
            line.append(String.format(" %s %.1f/s p99 %.0f ms;", e.getKey().name().toLowerCase(java.util.Locale.ROOT),
                    recent.length / window, recent.length == 0 ? 0.0 : Stats.ofNanos(recent).p99()));
        }
        Runtime rt = Runtime.getRuntime();
        line.append(String.format(" heap %d MiB", (rt.totalMemory() - rt.freeMemory()) >> 20));
        System.out.println(line);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void drive(Kind kind, int port, List<String> synthetic, long deadline, long seed,
                              ConcurrentLinkedQueue<Long> latencies, AtomicLong errors) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var random = new SplittableRandom(seed);
        String base = "http://127.0.0.1:" + port;
        String[] demo = {"paymentservice", "checkoutservice", "cartservice", "frontend", "redis-cart", "currencyservice"};
        long n = 0;
        while (System.nanoTime() < deadline) {
            n++;
            String service = random.nextInt(4) == 0 ? synthetic.get(random.nextInt(synthetic.size())) : demo[random.nextInt(demo.length)];
            HttpRequest request = switch (kind) {
                case ANALYSIS -> post(base + "/api/v1/analyses", "application/json", """
                        {"symptom": {"entities": ["%s"]}, "window": {"start": "%s", "end": "%s"}}"""
                        .formatted(service, BenchDemo.ALERTS_AT.minusSeconds(1800), BenchDemo.ALERTS_AT.plusSeconds(300)));
                case ALERTS -> post(base + "/api/v1/ingest/alertmanager", "application/json", alert(service, n));
                case OTLP -> post(base + "/api/v1/ingest/otlp/v1/traces", "application/json", spans(service, random));
                case SEARCH -> HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/similar?q="
                        + java.net.URLEncoder.encode(service + " errors after deploy", java.nio.charset.StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(30)).GET().build();
            };
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() >= 400) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(System.nanoTime() - t0);
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }

    private static HttpRequest post(String url, String type, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String alert(String service, long n) {
        Instant at = BenchDemo.ALERTS_AT.plusSeconds(n % 600);
        return """
                {"version": "4", "status": "firing", "receiver": "taproot", "groupKey": "{}:{alertname=\\"SoakHighLatency\\"}",
                 "alerts": [{"status": "firing", "labels": {"alertname": "SoakHighLatency", "service": "%s", "severity": "warning"},
                   "annotations": {"summary": "p99 latency high on %s"}, "startsAt": "%s", "fingerprint": "%016x"}]}"""
                .formatted(service, service, at, n);
    }

    private static String spans(String service, SplittableRandom random) {
        long start = BenchDemo.ALERTS_AT.toEpochMilli() * 1_000_000L + random.nextLong(300_000_000_000L);
        var spans = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            long duration = 1_000_000L + random.nextLong(50_000_000L);
            spans.append(i == 0 ? "" : ",").append("""
                    {"traceId": "%032x", "spanId": "%016x", "name": "GET /api", "kind": 2, "startTimeUnixNano": "%d", "endTimeUnixNano": "%d",
                     "status": {"code": %d}}""".formatted(random.nextLong(Long.MAX_VALUE), random.nextLong(Long.MAX_VALUE), start,
                    start + duration, random.nextInt(20) == 0 ? 2 : 1));
        }
        return """
                {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "%s"}}]},
                  "scopeSpans": [{"spans": [%s]}]}]}""".formatted(service, spans);
    }
}
