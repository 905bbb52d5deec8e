package dev.taproot.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.neo4j.Neo4jGraphStore;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.NdjsonIncidentReader;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.lucene.LuceneIncidentIndex;
import dev.taproot.search.lucene.SearchWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Incident memory at scale: generates a history with an operations vocabulary as NDJSON, then in the
 * same run times raw Lucene indexing, a raw Cypher {@code UNWIND} load of the same records, the end to
 * end import (parse, graph, index), and similar-incident search latency over the full index; prints
 * peak heap. Last line: {@code bench incidents: <n> incidents, import <r>/s (lucene <r>/s, cypher <r>/s),
 * search p50=<ms> p99=<ms>, heap peak <MiB> MiB}.
 */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "Import N generated incidents end to end; compare with raw Lucene and raw Cypher; time searches.")
public final class IncidentBench implements Callable<Integer> {

    @Option(names = "--incidents", defaultValue = "1000000", description = "Incidents to generate (default ${DEFAULT-VALUE}).")
    long incidents;

    @Option(names = "--queries", defaultValue = "1000", description = "Searches to time (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--batch", defaultValue = "5000", description = "Records per batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--cypher-incidents", description = "Records for the raw Cypher load (default: all; it is the slow one).")
    Long cypherIncidents;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--page-cache-mb", defaultValue = "0", description = "Neo4j page cache (default: Taproot's default).")
    int pageCacheMb;

    @Option(names = "--only", description = "Run one part alone: lucene (raw indexing, then searches on that index), "
            + "graph (the incident graph write, records already in memory) or import (the end-to-end import).")
    String only;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-incidents");
        var gen = new IncidentGenerator(seed);
        var sampler = new HeapSampler();
        sampler.start();
        try {
            if ("lucene".equals(only)) {
                return luceneOnly(gen, home.resolve("raw-index"));
            }
            if ("graph".equals(only)) {
                return graphOnly(gen, home.resolve("graph"));
            }
            Path file = home.resolve("history.ndjson");
            long t0 = System.nanoTime();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long i = 0; i < incidents; i++) {
                    w.write(JSON.writeValueAsString(ndjson(gen.incident(i))));
                    w.write('\n');
                }
            }
            System.out.printf("generated %d incidents (%.0f MiB NDJSON) in %.1f s%n", incidents,
                    Files.size(file) / 1048576.0, secs(t0));

            boolean importOnly = "import".equals(only);
            double luceneRate = importOnly ? 0 : rawLucene(gen, home.resolve("raw-index"));
            double cypherRate = 0;
            if (!importOnly) {
                // a store of its own, so that the import below starts from an empty graph too
                try (GraphStore cypherStore = GraphStores.open(StoreConfig.embedded(home.resolve("graph-cypher"), 0, pageCacheMb))) {
                    cypherRate = rawCypher(gen, (Neo4jGraphStore) cypherStore);
                }
                GraphBench.deleteTree(home.resolve("graph-cypher"));
            }
            try (GraphStore store = GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0, pageCacheMb))) {
                loadServices(store);
                try (IncidentMemory memory = IncidentMemory.open(store, home.resolve("index"))) {
                    long t1 = System.nanoTime();
                    var summary = memory.importFrom(new NdjsonIncidentReader(file.toString(), Files.newInputStream(file)),
                            (imported, rejected, bytes) -> {
                                if (imported % 100_000 < batch) {
                                    System.out.printf("  import: %d incidents, %.0f/s%n", imported, imported / secs(t1));
                                }
                            });
                    double importRate = summary.imported() / secs(t1);
                    System.out.printf("end-to-end import (parse, graph, index, commit): %d incidents in %.1f s, %.0f/s; graph holds %d, index %d%n",
                            summary.imported(), secs(t1), importRate, store.incidentCount(), memory.index().count());
                    System.out.println("  import time split (ms): " + memory.timingsMillis());
                    graphReads(store);
                    if (importOnly) {
                        return 0;
                    }
                    Stats search = searches(memory::similar, gen);
                    System.out.printf("search over %d incidents: %d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                            memory.index().count(), queries, search.p50(), search.p99(), search.max());
                    long heap = sampler.peakMiB();
                    System.out.printf("heap: peak used %d MiB (after GC %d MiB) of max %d MiB%n", heap,
                            sampler.peakAfterGcMiB(), Runtime.getRuntime().maxMemory() / 1048576);
                    System.out.printf("bench incidents: %d incidents, import %.0f/s (lucene %.0f/s, cypher %.0f/s), search p50=%.2f p99=%.2f, heap peak %d MiB%n",
                            incidents, importRate, luceneRate, cypherRate, search.p50(), search.p99(), heap);
                }
            }
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private int luceneOnly(IncidentGenerator gen, Path dir) {
        rawLucene(gen, dir);
        try (var index = LuceneIncidentIndex.open(dir, SearchWeights.DEFAULT)) {
            Stats search = searches(index::similar, gen);
            System.out.printf("bench incidents --only lucene: %d incidents, search p50=%.2f p99=%.2f max=%.2f ms%n",
                    index.count(), search.p50(), search.p99(), search.max());
        }
        return 0;
    }

    private int graphOnly(IncidentGenerator gen, Path dir) {
        try (GraphStore store = GraphStores.open(StoreConfig.embedded(dir, 0, pageCacheMb))) {
            loadServices(store);
            long t = System.nanoTime();
            long lap = t;
            var chunk = new ArrayList<Incident>(batch);
            for (long i = 0; i < incidents; i++) {
                chunk.add(gen.incident(i));
                if (chunk.size() == batch || i == incidents - 1) {
                    store.upsertIncidents(chunk);
                    chunk.clear();
                    if ((i + 1) % 100_000 < batch) {
                        System.out.printf("  graph: %d incidents, %.0f/s (last 100k %.0f/s)%n", i + 1, (i + 1) / secs(t),
                                100_000 / secs(lap));
                        lap = System.nanoTime();
                    }
                }
            }
            System.out.printf("bench incidents --only graph: %d incidents in %.1f s, %.0f/s; graph holds %d%n",
                    incidents, secs(t), incidents / secs(t), store.incidentCount());
        }
        return 0;
    }

    private double rawLucene(IncidentGenerator gen, Path dir) {
        long t = System.nanoTime();
        try (var index = LuceneIncidentIndex.open(dir, SearchWeights.DEFAULT)) {
            var chunk = new ArrayList<Incident>(batch);
            for (long i = 0; i < incidents; i++) {
                chunk.add(gen.incident(i));
                if (chunk.size() == batch) {
                    index.upsert(chunk);
                    chunk.clear();
                }
            }
            index.upsert(chunk);
            index.commit();
        }
        double rate = incidents / secs(t);
        System.out.printf("raw Lucene indexing (records already in memory): %d in %.1f s, %.0f/s%n", incidents, secs(t), rate);
        return rate;
    }

    private double rawCypher(IncidentGenerator gen, Neo4jGraphStore store) {
        long n = cypherIncidents == null ? incidents : Math.min(cypherIncidents, incidents);
        var driver = store.driver();
        try (var session = driver.session()) {
            session.run("CREATE CONSTRAINT bench_incident_id IF NOT EXISTS FOR (n:BenchIncident) REQUIRE n.id IS UNIQUE").consume();
        }
        long t = System.nanoTime();
        var rows = new ArrayList<Map<String, Object>>(batch);
        for (long i = 0; i < n; i++) {
            rows.add(row(gen.incident(i)));
            if (rows.size() == batch || i == n - 1) {
                var params = Map.<String, Object>of("rows", List.copyOf(rows));
                try (var session = driver.session()) {
                    session.executeWriteWithoutResult(tx -> tx.run(
                            "UNWIND $rows AS row MERGE (i:BenchIncident {id: row.id}) SET i += row.props", params).consume());
                }
                rows.clear();
            }
        }
        double rate = n / secs(t);
        System.out.printf("raw Cypher UNWIND over Bolt (MERGE + SET, no edges): %d in %.1f s, %.0f/s%n", n, secs(t), rate);
        return rate;
    }

    /** The history reads the explorer and the analysis make, over the imported graph: medians of 20. */
    private static void graphReads(GraphStore store) {
        String service = EntityKeys.service(IncidentGenerator.service(0));
        var keys = new ArrayList<String>();
        for (int s = 0; s < 10; s++) {
            keys.add(EntityKeys.service(IncidentGenerator.service(s)));
        }
        java.time.Instant to = IncidentGenerator.EPOCH.plusSeconds(7L * 365 * 86_400);
        double latest = median(() -> store.incidents(100));
        double window = median(() -> store.incidentsOf(service, to.minusSeconds(90L * 86_400), to, 50));
        double counts = median(() -> store.rootCauseCounts(keys));
        long t = System.nanoTime();
        int all = store.incidentsOf(service).size();
        System.out.printf("graph reads over the imported history (median of 20): latest 100 incidents %.1f ms, "
                + "one service's last 90 days (50 max) %.1f ms, root-cause counts of 10 services %.1f ms "
                + "(reading that service's whole history, %d incidents: %.0f ms)%n", latest, window, counts, all, secs(t) * 1000);
    }

    private static double median(Runnable read) {
        long[] nanos = new long[20];
        for (int r = 0; r < 3; r++) {
            read.run();
        }
        for (int r = 0; r < nanos.length; r++) {
            long s = System.nanoTime();
            read.run();
            nanos[r] = System.nanoTime() - s;
        }
        return Stats.ofNanos(nanos).p50();
    }

    /** Times {@link #queries} failure-like searches after 200 unmeasured ones. */
    private Stats searches(Consumer<SimilarQuery> search, IncidentGenerator gen) {
        for (int q = 0; q < 200; q++) {
            search.accept(gen.query(1_000_000L + q));
        }
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
            var query = gen.query(q);
            long s = System.nanoTime();
            search.accept(query);
            nanos[q] = System.nanoTime() - s;
        }
        return Stats.ofNanos(nanos);
    }

    /** The generator's services, so incidents link to them. */
    private static void loadServices(GraphStore store) {
        var services = new ArrayList<Entity>();
        for (int s = 0; s < IncidentGenerator.serviceCount(); s++) {
            services.add(Entity.of(EntityKeys.service(IncidentGenerator.service(s)), "Service", IncidentGenerator.service(s)));
        }
        store.upsertEntities(services);
    }

    static Map<String, Object> ndjson(Incident i) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("summary", i.description());
        m.put("started", i.started().toString());
        m.put("resolved", i.resolved().toString());
        m.put("severity", i.severity());
        m.put("services", i.affected());
        m.put("alerts", i.properties().get("alerts"));
        m.put("root_cause", Map.of("entity", i.rootCause(), "fault_type", i.faultType()));
        m.put("resolution", i.resolution());
        m.put("runbook", i.links().get(0));
        m.put("resolved_by", i.resolvedBy());
        m.put("tags", i.tags());
        return m;
    }

    private static Map<String, Object> row(Incident i) {
        var props = new HashMap<String, Object>();
        props.put("title", i.title());
        props.put("description", i.description());
        props.put("started", i.started().toEpochMilli());
        props.put("resolved", i.resolved().toEpochMilli());
        props.put("severity", i.severity());
        props.put("affected", i.affected());
        props.put("rootCause", i.rootCause());
        props.put("faultType", i.faultType());
        props.put("resolution", i.resolution());
        props.put("links", i.links());
        props.put("resolvedBy", i.resolvedBy());
        props.put("tags", i.tags());
        return Map.of("id", i.id(), "props", props);
    }

    /** Samples used heap every 50 ms; the peak is what the run needed at most (garbage included). */
    static final class HeapSampler extends Thread {
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        private volatile long peakAfterGc;

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
            while (true) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                long afterGc = 0;
                for (var pool : pools) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
                peakAfterGc = Math.max(peakAfterGc, afterGc);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakMiB() {
            return peak / 1048576;
        }

        /** The largest heap still in use right after a collection: what the run really keeps live. */
        long peakAfterGcMiB() {
            return peakAfterGc / 1048576;
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
