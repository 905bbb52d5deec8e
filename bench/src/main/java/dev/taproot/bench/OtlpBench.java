package dev.taproot.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * OTLP/HTTP ingest throughput: the real server on loopback over an embedded store in a temporary folder,
 * clients pushing gzip protobuf trace and log exports ({@link OtlpBatches}) to {@code /v1/traces} and
 * {@code /v1/logs} as fast as they are answered. Prints spans/s and log records/s accepted (2xx, less what
 * partial success rejected), request p50/p99, heap after GC at start and end, and the size on disk of the
 * pushed-telemetry baseline and of the graph.
 */
@Command(name = "otlp", mixinStandardHelpOptions = true,
        description = "OTLP/HTTP push throughput (protobuf, gzip): spans/s, log records/s, p50/p99, heap (goal: 50k spans/s on 2 cores).")
public final class OtlpBench implements Callable<Integer> {

    /** The throughput the issue asks for. */
    static final int GOAL_SPANS_PER_SECOND = 50_000;

    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "15", description = "Seconds of load before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--trace-clients", defaultValue = "3", description = "Clients pushing traces (default ${DEFAULT-VALUE}).")
    int traceClients;

    @Option(names = "--log-clients", defaultValue = "1", description = "Clients pushing logs (default ${DEFAULT-VALUE}).")
    int logClients;

    @Option(names = "--spans", defaultValue = "1024", description = "Spans per trace export (default ${DEFAULT-VALUE}).")
    int spans;

    @Option(names = "--records", defaultValue = "1024", description = "Log records per log export (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--services", defaultValue = "20", description = "Services the telemetry spreads over (default ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    /** What one kind of client measured. */
    record Tally(ConcurrentLinkedQueue<Long> nanos, AtomicLong accepted, AtomicLong rejected, AtomicLong errors) {
        Tally() {
            this(new ConcurrentLinkedQueue<>(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    @Override
    public Integer call() throws Exception {
        // one access-log line per push would be most of the output (and some of the cost)
        System.setProperty("org.slf4j.simpleLogger.log.dev.taproot.access", "warn");
        Path home = Files.createTempDirectory("taproot-bench-otlp");
        var config = TaprootConfig.from(home, 0, 0, Map.of());
        try (Taproot taproot = Taproot.over(config, GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0)));
             TaprootServer server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0,
                     SecurityConfig.openLoopback().withRateLimit(10_000_000, 10_000_000)))) {
            long heapStart = heapAfterGc();
            System.out.printf("otlp: %d trace clients x %d spans, %d log clients x %d records, %d services, gzip protobuf; "
                            + "%d s warm-up, %d s measured; heap after GC at start %d MiB%n",
                    traceClients, spans, logClients, records, services, warmup, seconds, heapStart >> 20);
            long begin = System.nanoTime();
            long measureFrom = begin + warmup * 1_000_000_000L;
            long deadline = measureFrom + seconds * 1_000_000_000L;
            Tally traces = new Tally();
            Tally logs = new Tally();
            var threads = new ArrayList<Thread>();
            for (int c = 0; c < traceClients + logClients; c++) {
                boolean trace = c < traceClients;
                long clientSeed = seed + c;
                threads.add(Thread.ofPlatform().name("otlp-client-" + c).start(() ->
                        push(trace, server.port(), clientSeed, measureFrom, deadline, trace ? traces : logs)));
            }
            for (Thread t : threads) {
                t.join();
            }
            taproot.pushed().store().save();
            long heapEnd = heapAfterGc();
            double spansPerSecond = traces.accepted().get() / (double) seconds;
            report("traces", traces, seconds, "spans");
            report("logs", logs, seconds, "records");
            System.out.printf("on disk: pushed baseline %s (%d series), graph %s%n",
                    mib(size(home.resolve(Taproot.PUSH_BASELINE_FILE))), taproot.pushed().store().size(),
                    mib(size(home.resolve("graph"))));
            System.out.printf("bench otlp: %.0f spans/s and %.0f log records/s accepted (goal %d spans/s on 2 cores: %s), "
                            + "trace p50 %.0f ms p99 %.0f ms, heap after GC %d MiB at start, %d MiB at end%n",
                    spansPerSecond, logs.accepted().get() / (double) seconds, GOAL_SPANS_PER_SECOND,
                    spansPerSecond >= GOAL_SPANS_PER_SECOND ? "met" : "not met",
                    percentile(traces, true), percentile(traces, false), heapStart >> 20, heapEnd >> 20);
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private void push(boolean trace, int port, long clientSeed, long measureFrom, long deadline, Tally tally) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var batches = new OtlpBatches(services, clientSeed);
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/ingest/otlp/v1/" + (trace ? "traces" : "logs"));
        while (System.nanoTime() < deadline) {
            long now = System.currentTimeMillis() * 1_000_000L;
            byte[] body = OtlpBatches.gzip(trace ? batches.traces(spans, now).toByteArray() : batches.logs(records, now).toByteArray());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long t0 = System.nanoTime();
            boolean measured = t0 >= measureFrom;
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - t0;
                if (!measured || System.nanoTime() > deadline) {
                    continue;
                }
                if (r.statusCode() / 100 != 2) {
                    tally.errors().incrementAndGet();
                    continue;
                }
                long rejected = trace ? ExportTraceServiceResponse.parseFrom(r.body()).getPartialSuccess().getRejectedSpans()
                        : ExportLogsServiceResponse.parseFrom(r.body()).getPartialSuccess().getRejectedLogRecords();
                tally.nanos().add(took);
                tally.rejected().addAndGet(rejected);
                tally.accepted().addAndGet((trace ? spans : records) - rejected);
            } catch (Exception e) {
                if (measured) {
                    tally.errors().incrementAndGet();
                }
            }
        }
    }

    private static void report(String kind, Tally t, int seconds, String unit) {
        long[] nanos = t.nanos().stream().mapToLong(Long::longValue).toArray();
        if (nanos.length == 0) {
            System.out.printf("%-7s no 2xx answers, %d errors%n", kind, t.errors().get());
            return;
        }
        Stats s = Stats.ofNanos(nanos);
        System.out.printf("%-7s %6d requests (%.1f/s), %9d %s accepted (%.0f/s), %d rejected, %d errors; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                kind, nanos.length, nanos.length / (double) seconds, t.accepted().get(), unit, t.accepted().get() / (double) seconds,
                t.rejected().get(), t.errors().get(), s.p50(), s.p99(), s.max());
    }

    private static double percentile(Tally t, boolean median) {
        long[] nanos = t.nanos().stream().mapToLong(Long::longValue).toArray();
        if (nanos.length == 0) {
            return Double.NaN;
        }
        Stats s = Stats.ofNanos(nanos);
        return median ? s.p50() : s.p99();
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long size(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String mib(long bytes) {
        return bytes < 1 << 20 ? String.format("%.0f KiB", bytes / 1024.0) : String.format("%.1f MiB", bytes / 1048576.0);
    }
}
