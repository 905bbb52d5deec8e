package dev.taproot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Ingest throughput through the whole pipeline (parse, resolve, one transaction per input) into a
 * fresh embedded store: signals per second from synthetic Alertmanager webhook payloads, and the time
 * to ingest the largest topology file of the shared data.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Time signal ingest (Alertmanager payloads) and the largest shared topology into a fresh embedded store.")
public final class IngestBench implements Callable<Integer> {

    @Option(names = "--signals", defaultValue = "100000", description = "Alerts to ingest (default ${DEFAULT-VALUE}).")
    int signals;

    @Option(names = "--per-payload", defaultValue = "5000", description = "Alerts per webhook payload (default ${DEFAULT-VALUE}).")
    int perPayload;

    @Option(names = "--services", defaultValue = "100", description = "Distinct services the alerts name (default ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--topology", paramLabel = "FILE",
            description = "Topology file to time (default: the largest manifest or edge list under the shared data).")
    Path topology;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-ingest");
        try (GraphStore store = GraphStores.open(StoreConfig.embedded(home, 0))) {
            var service = new IngestService(store, StandardIngestors.registry());

            Optional<Path> topo = topology != null ? Optional.of(topology) : largestTopology();
            String topoLine = "no topology found";
            if (topo.isPresent()) {
                long t0 = System.nanoTime();
                IngestReport r = service.ingest(IngestInput.of(topo.get(), Instant.now()), true);
                double cold = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                service.ingest(IngestInput.of(topo.get(), Instant.now()), true);
                double warm = (System.nanoTime() - t1) / 1e6;
                topoLine = String.format("topology %s (%d bytes): %d entities, %d relationships in %.0f ms"
                                + " (first ingest into a fresh store, query plans cold: %.0f ms)",
                        topo.get().getFileName(), Files.size(topo.get()), r.entities(), r.relationships(), warm, cold);
                System.out.println(topoLine);
            }

            // warm-up: plans compiled, JIT warm
            service.ingest(IngestInput.of("warmup.alertmanager.json", payload(0, Math.min(perPayload, 500))), false);
            long done = 0;
            long t0 = System.nanoTime();
            for (int p = 0; done < signals; p++) {
                int n = (int) Math.min(perPayload, signals - done);
                IngestReport r = service.ingest(IngestInput.of("bench-" + p + ".alertmanager.json",
                        payload(p + 1, n)), false);
                done += r.signals();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = done / seconds;
            // where the time goes: reading and resolving versus the store transaction
            var writer = new dev.taproot.ingest.GraphWriter(dev.taproot.ingest.EntityResolver.over(store::findEntities,
                    () -> store.entities("Service", 200_000)));
            long m0 = System.nanoTime();
            new dev.taproot.ingest.alertmanager.AlertmanagerIngestor().ingest(
                    IngestInput.of("split.alertmanager.json", payload(-1, perPayload)), writer);
            long m1 = System.nanoTime();
            store.write(writer.batch());
            long m2 = System.nanoTime();
            System.out.printf("one payload of %d: read+resolve %.0f ms, store write %.0f ms%n", perPayload,
                    (m1 - m0) / 1e6, (m2 - m1) / 1e6);
            System.out.printf("signals: %d in %.2f s (%d per payload, %d services)%n", done, seconds, perPayload, services);
            System.out.printf("bench ingest: %.0f signals/s (goal 10000), %s%n", rate, topoLine);
        }
        return 0;
    }

    /** An Alertmanager v4 webhook with n firing alerts, distinct by fingerprint. */
    private String payload(int seq, int n) {
        var sb = new StringBuilder(n * 400);
        sb.append("{\"version\":\"4\",\"groupKey\":\"bench\",\"status\":\"firing\",\"receiver\":\"taproot\",")
                .append("\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"externalURL\":\"http://am\",\"alerts\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            int svc = (seq * 31 + i) % services;
            sb.append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"HighLatency\",\"service\":\"svc-")
                    .append(svc).append("\",\"severity\":\"warning\",\"seq\":\"").append(seq).append('-').append(i)
                    .append("\"},\"annotations\":{\"summary\":\"p99 latency above 500ms\"},")
                    .append("\"startsAt\":\"2024-05-01T10:").append(String.format("%02d", i % 60)).append(":00Z\",")
                    .append("\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"").append(seq).append('x').append(i)
                    .append("\"}");
        }
        return sb.append("]}").toString();
    }

    private static Optional<Path> largestTopology() throws IOException {
        Path data = sharedData();
        if (data == null) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String s = p.toString();
                        return (s.contains("/k8s-") || s.contains("/topology/"))
                                && (s.endsWith(".yaml") || s.endsWith(".yml") || s.endsWith(".edges.csv"));
                    })
                    .filter(p -> {
                        try {
                            String head = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                            return head.contains("kind:") || p.toString().endsWith(".csv");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .max(Comparator.comparingLong(p -> p.toFile().length()));
        }
    }

    private static Path sharedData() {
        for (String c : List.of(System.getProperty("taproot.shared.data", ""), "../shared/data", "/work/shared/data")) {
            if (!c.isEmpty() && Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }
}
