package dev.taproot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates a synthetic topology (services calling services, pods on nodes), loads it through the
 * {@link GraphStore} in batches, then times bounded subgraph reads around random services.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Load a synthetic topology into a fresh embedded store and time subgraph reads.")
public final class GraphBench implements Callable<Integer> {

    @Option(names = "--entities", defaultValue = "50000", description = "Entities to generate (default ${DEFAULT-VALUE}).")
    int entities;

    @Option(names = "--relationships", defaultValue = "500000", description = "Relationships to generate (default ${DEFAULT-VALUE}).")
    int relationships;

    @Option(names = "--batch", defaultValue = "10000", description = "Records per write transaction (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--reads", defaultValue = "500", description = "Subgraph reads to time (default ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--hops", defaultValue = "2", description = "Subgraph depth (default ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-graph");
        try (GraphStore store = GraphStores.open(StoreConfig.embedded(home, 0))) {
            var random = new SplittableRandom(seed);
            var times = new SyntheticTopology(entities, relationships, batch).load(store, random);
            var counts = store.counts();
            double entityRate = entities / times.entitySeconds();
            double relRate = relationships / times.relationshipSeconds();
            double rate = (entities + relationships) / times.totalSeconds();
            System.out.printf("loaded %d entities in %.1f s (%.0f/s), %d relationships in %.1f s (%.0f/s)%n",
                    counts.entities(), times.entitySeconds(), entityRate, counts.relationships(),
                    times.relationshipSeconds(), relRate);

            for (int i = 0; i < 50; i++) {
                read(store, random);
            }
            long[] nanos = new long[reads];
            long sizes = 0;
            for (int i = 0; i < reads; i++) {
                long s = System.nanoTime();
                sizes += read(store, random);
                nanos[i] = System.nanoTime() - s;
            }
            Stats stats = Stats.ofNanos(nanos);
            System.out.printf("subgraph reads: %d x %d hops, mean %.0f entities, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    reads, hops, (double) sizes / reads, stats.p50(), stats.p99(), stats.max());
            System.out.printf("bench graph: %d entities, %d rels, load %.0f/s, subgraph p50=%.2f p99=%.2f%n",
                    counts.entities(), counts.relationships(), rate, stats.p50(), stats.p99());
        } finally {
            deleteTree(home);
        }
        return 0;
    }

    private int read(GraphStore store, SplittableRandom random) {
        String seedKey = SyntheticTopology.key(random.nextInt(entities));
        return store.subgraph(new SubgraphQuery(Set.of(seedKey), hops, null, null, null, 0)).entities().size();
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
