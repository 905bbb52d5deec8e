package dev.taproot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.ingest.EntityResolver;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.kubernetes.KubernetesIngestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Kubernetes ingest at growing sizes: N Deployments and N Services (each Service selecting one
 * Deployment, each Deployment naming the next Service in an env value): read and mapped alone, then
 * ingested whole (as {@code POST /ingest/kubernetes} does) into a fresh embedded store. Prints objects
 * per second at each size, so a step that grows faster than the input shows up as a falling rate.
 */
@Command(name = "kubernetes", mixinStandardHelpOptions = true,
        description = "Kubernetes manifest ingest at growing sizes (N Deployments + N Services): objects/s, read+map vs store.")
public final class KubernetesIngestBench implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "2000,8000,16000",
            description = "Deployments (and as many Services) per run (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--no-store", description = "Only read and map (no store write).")
    boolean noStore;

    @Override
    public Integer call() throws Exception {
        double last = 0;
        int lastObjects = 0;
        for (int n : sizes) {
            Path home = Files.createTempDirectory("taproot-bench-k8s");
            try (GraphStore store = noStore ? null : GraphStores.open(StoreConfig.embedded(home, 0))) {
                var input = IngestInput.of("bench.kubernetes.json", manifest(n));
                // read and map alone, then (with a store) the whole pipeline as the API runs it
                var writer = new GraphWriter(EntityResolver.standalone());
                long t0 = System.nanoTime();
                var result = new KubernetesIngestor().ingest(input, writer);
                long t1 = System.nanoTime();
                if (store != null) {
                    new IngestService(store, StandardIngestors.registry(store)).ingest(input, true);
                }
                long t2 = System.nanoTime();
                int objects = 2 * n;
                double seconds = (store == null ? t1 - t0 : t2 - t1) / 1e9;
                last = objects / seconds;
                lastObjects = objects;
                System.out.printf("%d objects (%d entities, %d rejected): read+map %.0f ms, whole ingest into the store %s, %.0f objects/s%n",
                        objects, writer.entities().size(), result.rejected().size(), (t1 - t0) / 1e6,
                        store == null ? "skipped" : String.format("%.0f ms", (t2 - t1) / 1e6), last);
            } finally {
                deleteQuietly(home);
            }
        }
        System.out.printf("bench kubernetes: %.0f objects/s at %d objects%s%n", last, lastObjects, noStore ? " (read+map only)" : "");
        return 0;
    }

    /** A JSON List of n Deployments and n Services; Deployment i calls Service i+1 by its DNS name. */
    static String manifest(int n) {
        var sb = new StringBuilder(n * 700).append("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
        for (int i = 0; i < n; i++) {
            String ns = "ns-" + (i % 20);
            String next = "svc-" + ((i + 1) % n);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"svc-").append(i)
                    .append("\",\"namespace\":\"").append(ns).append("\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"svc-")
                    .append(i).append("\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"svc-").append(i)
                    .append("\",\"tier\":\"backend\"}},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"example/svc:1\",")
                    .append("\"env\":[{\"name\":\"DOWNSTREAM\",\"value\":\"").append(next).append(":8080\"}]}]}}}},");
            sb.append("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"svc-").append(i)
                    .append("\",\"namespace\":\"").append(ns).append("\"},\"spec\":{\"selector\":{\"app\":\"svc-").append(i)
                    .append("\",\"tier\":\"backend\"},\"ports\":[{\"port\":8080}]}}");
        }
        return sb.append("]}").toString();
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
