package dev.taproot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.pack.RulePack;

/**
 * Loads a synthetic graph (services calling services, every tenth entity a node they run on) with
 * active signals into a fresh embedded store, then times full analyses (subgraph read, rule
 * matching, ranking, evidence) around random symptom services. Goal: p99 at most 100 ms.
 */
@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = "Time root-cause analyses on a synthetic graph with active signals.")
public final class AnalysisBench implements Callable<Integer> {

    private static final String[] SIGNAL_TYPES = {"LatencyAnomaly", "ErrorRateAnomaly", "CPUAnomaly", "MemoryAnomaly",
        "Deploy", "OOMKilled", "CrashLoopBackOff", "ErrorLogSpike", "NetworkAnomaly", "ConfigChange"};

    @Option(names = "--entities", defaultValue = "50000", description = "Entities (default ${DEFAULT-VALUE}).")
    int entities;

    @Option(names = "--relationships", defaultValue = "500000", description = "Relationships (default ${DEFAULT-VALUE}).")
    int relationships;

    @Option(names = "--signals", defaultValue = "10000", description = "Active signals in the window (default ${DEFAULT-VALUE}).")
    int signals;

    @Option(names = "--analyses", defaultValue = "200", description = "Analyses to time (default ${DEFAULT-VALUE}).")
    int analyses;

    @Option(names = "--depth", defaultValue = "2", description = "Analysis depth in hops (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-analysis");
        Instant windowStart = Instant.parse("2024-01-01T12:00:00Z");
        Instant windowEnd = windowStart.plusSeconds(900);
        try (GraphStore store = GraphStores.open(StoreConfig.embedded(home, 0))) {
            var random = new SplittableRandom(seed);
            long t0 = System.nanoTime();
            load(store, random, windowStart);
            System.out.printf("loaded %d entities, %d relationships, %d signals in %.1f s%n", entities, relationships,
                    signals, (System.nanoTime() - t0) / 1e9);
            var engine = new RootCauseEngine(store, RulePack::builtIn);
            for (int i = 0; i < 30; i++) {
                analyse(engine, random, windowStart, windowEnd);
            }
            long[] nanos = new long[analyses];
            long links = 0;
            long read = 0;
            long size = 0;
            for (int i = 0; i < analyses; i++) {
                long s = System.nanoTime();
                Analysis a = analyse(engine, random, windowStart, windowEnd);
                nanos[i] = System.nanoTime() - s;
                links += a.timings().causalLinks();
                read += (long) (a.timings().readMillis() * 1000);
                size += a.timings().entities();
            }
            Stats stats = Stats.ofNanos(nanos);
            System.out.printf("analyses: %d at depth %d, mean %.0f entities read, mean %.0f causal links, mean read %.2f ms%n",
                    analyses, depth, (double) size / analyses, (double) links / analyses, read / 1000.0 / analyses);
            System.out.printf("bench analysis: %d entities, %d rels, %d signals, p50=%.2f ms p99=%.2f ms max=%.2f ms (goal p99 <= 100 ms)%n",
                    entities, relationships, signals, stats.p50(), stats.p99(), stats.max());
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private Analysis analyse(RootCauseEngine engine, SplittableRandom random, Instant from, Instant to) {
        int i = random.nextInt(entities);
        if (i % 10 == 0) {
            i++;
        }
        return engine.analyze(AnalysisRequest.of(List.of(key(i % entities)), from, to).withDepth(depth));
    }

    private void load(GraphStore store, SplittableRandom random, Instant windowStart) {
        int batch = 10_000;
        new SyntheticTopology(entities, relationships, batch).load(store, random);
        var sigs = new ArrayList<Signal>(batch);
        for (int i = 0; i < signals; i++) {
            String type = SIGNAL_TYPES[random.nextInt(SIGNAL_TYPES.length)];
            Instant start = windowStart.plusSeconds(random.nextInt(900) - 120);
            sigs.add(new Signal("bench-signal/" + i, type, key(random.nextInt(entities)), type, Severity.WARNING, start,
                    start.plusSeconds(300), Map.of("score", 3 + random.nextDouble() * 20, "direction", "up"), "bench"));
            if (sigs.size() == batch) {
                store.write(new GraphBatch(List.of(), List.of(), sigs, List.of()));
                sigs.clear();
            }
        }
        store.write(new GraphBatch(List.of(), List.of(), sigs, List.of()));
    }

    private static String key(int i) {
        return SyntheticTopology.key(i);
    }
}
