package dev.taproot.api.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.ingest.IngestRegistry;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.eval.CaseOutcome;
import dev.taproot.rules.eval.CaseSpec;
import dev.taproot.rules.pack.RulePack;

/**
 * Replays labelled cases in ONE temporary embedded store (cleared between cases, deleted at the
 * end; never the user's data): ingest each case through the registry, analyse its window and
 * symptom, score the service-level ranking.
 */
public final class EvalRunner implements AutoCloseable {

    private final GraphStore store;
    private final Path home;
    private final CaseLoader loader;
    private final RootCauseEngine engine;
    private final IngestRegistry registry;
    private CaseMetricsPull metricsPull;

    private EvalRunner(GraphStore store, Path home, IngestRegistry registry, Supplier<RulePack> rules) {
        this.store = store;
        this.home = home;
        this.registry = registry;
        this.loader = new CaseLoader(registry, new TelemetryAnalyzer());
        // the same engine a live diagnosis uses: version facts included (no declared pairs in a replay; any
        // learned ones would be in the scratch store)
        var vocabulary = dev.taproot.graph.vocabulary.Vocabulary.standard();
        this.engine = new RootCauseEngine(store, rules, vocabulary, dev.taproot.rules.ranking.RankingSettings.defaults(),
                new dev.taproot.api.drift.VersionFacts(store, new dev.taproot.api.drift.VersionKnowledge(null, store, vocabulary),
                        vocabulary));
    }

    /** Starts a temporary embedded store for a whole eval run. */
    public static EvalRunner startTemporary(IngestRegistry registry, Supplier<RulePack> rules) {
        try {
            Path home = Files.createTempDirectory("taproot-eval-");
            GraphStore store = GraphStores.open(StoreConfig.embedded(home, 0));
            return new EvalRunner(store, home, registry, rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary store: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** Runs over an existing store that may be cleared (tests share one embedded store). */
    public static EvalRunner over(GraphStore scratchStore, IngestRegistry registry, Supplier<RulePack> rules) {
        return new EvalRunner(scratchStore, null, registry, rules);
    }

    /**
     * Replays with the case's recorded metrics asked from a live source (a Prometheus holding them as
     * {@link CaseMetrics#writeOpenMetrics} wrote them, through the live path) instead of read from the files;
     * everything else still comes from the files.
     */
    public EvalRunner pullingMetricsWith(CaseMetricsPull pull) {
        this.metricsPull = pull;
        return this;
    }

    /** The result of replaying one case: its analysis (null on error) and its outcome. */
    public record Replay(CaseSpec spec, Analysis analysis, CaseOutcome outcome, CaseLoader.Loaded loaded) {
    }

    /** Replays one case: clear, ingest, analyse, score. A failing case is an outcome with its error. */
    public Replay replay(CaseSpec spec) {
        store.clear();
        CaseLoader.Loaded loaded = loader.load(spec, store, metricsPull == null);
        try {
            if (metricsPull != null) {
                loaded = pullMetrics(spec, loaded);
            }
            var request = request(spec);
            long t0 = System.nanoTime();
            Analysis analysis = engine.analyze(request);
            double millis = (System.nanoTime() - t0) / 1e6;
            List<String> ranking = serviceRanking(analysis);
            return new Replay(spec, analysis, new CaseOutcome(spec.id(), spec.system(), spec.expectedFaultType(),
                    spec.expectedRootCause(), ranking, CaseOutcome.rankOf(spec.expectedRootCause(), ranking), millis, null,
                    analysis.top() == null ? Double.NaN : analysis.top().confidence(),
                    explainsMost(analysis, spec.expectedRootCause()), ownEvidence(spec)),
                    loaded);
        } catch (RuntimeException e) {
            return new Replay(spec, null, new CaseOutcome(spec.id(), spec.system(), spec.expectedFaultType(),
                    spec.expectedRootCause(), List.of(), 0, 0, e.toString()), loaded);
        }
    }

    /** Asks the live source for the case's metrics and adds what it fetched (and could not) to the load's notes. */
    private CaseLoader.Loaded pullMetrics(CaseSpec spec, CaseLoader.Loaded loaded) {
        CaseMetricsPull.Pulled pulled = metricsPull.pull(spec, store, new IngestService(store, registry));
        var notes = new ArrayList<>(loaded.notes());
        notes.addAll(pulled.problems());
        return new CaseLoader.Loaded(loaded.records(), loaded.rejected(), notes, pulled.fetched());
    }

    /** The analysis request a case asks: its symptom (or none), text and window; 20 candidates. */
    public static AnalysisRequest request(CaseSpec spec) {
        return new AnalysisRequest(spec.symptomEntities(), null, spec.symptomText(), spec.windowStart(),
                spec.windowEnd(), AnalysisRequest.DEFAULT_DEPTH, java.util.Set.of(), 20);
    }

    /** The whole (case-sized) store as of the case window, for offline study of a replay. */
    public dev.taproot.graph.model.Subgraph snapshot(CaseSpec spec) {
        return store.subgraph(new dev.taproot.graph.model.SubgraphQuery(java.util.Set.of(), 6, spec.windowEnd(),
                spec.windowStart().minus(AnalysisRequest.DEFAULT_LOOKBACK), spec.windowEnd(), 50_000));
    }

    /**
     * Whether the bundle holds evidence of the expected cause itself: a signal the detectors raised on it (or on a
     * pod, workload or container that counts as it) in the time the analysis reads. Where none exists, nothing
     * measured on the cause moved, and only what its neighbours show can name it. Null when the expected name is
     * no entity of the case.
     */
    Boolean ownEvidence(CaseSpec spec) {
        var graph = snapshot(spec);
        var topology = new dev.taproot.rules.causal.Topology(graph, dev.taproot.graph.vocabulary.Vocabulary.standard());
        String expected = spec.expectedRootCause().strip();
        var units = new java.util.HashSet<String>();
        for (var e : graph.entities()) {
            if (e.name().equalsIgnoreCase(expected) || e.key().equalsIgnoreCase(expected)) {
                units.add(topology.unit(e.key()));
            }
        }
        if (units.isEmpty()) {
            return null;
        }
        return graph.signals().stream().anyMatch(s -> units.contains(topology.unit(s.entityKey())));
    }

    /** Replays every case, printing progress to {@code progress}; {@code stride} > 1 keeps every n-th case. */
    public List<Replay> replayAll(List<Path> caseDirs, int stride, PrintStream progress) {
        return replayAll(caseDirs, stride, progress, null);
    }

    /** As {@link #replayAll(List, int, PrintStream)}; {@code onReplay} sees each replay while its case is loaded. */
    public List<Replay> replayAll(List<Path> caseDirs, int stride, PrintStream progress,
                                  java.util.function.Consumer<Replay> onReplay) {
        var out = new ArrayList<Replay>();
        for (int i = 0; i < caseDirs.size(); i += Math.max(1, stride)) {
            CaseSpec spec = CaseSpec.read(caseDirs.get(i));
            Replay r = replay(spec);
            out.add(r);
            if (onReplay != null) {
                onReplay.accept(r);
            }
            if (progress != null) {
                progress.printf("[%d/%d] %s rank=%d%s%n", out.size(), (caseDirs.size() + stride - 1) / stride,
                        spec.id(), r.outcome().rank(), r.outcome().error() == null ? "" : " error: " + r.outcome().error());
            }
        }
        return out;
    }

    /** Candidates as service-level names, best first, duplicates dropped. */
    /**
     * Whether the expected cause, checked as a hypothesis, explains at least as many symptoms as any
     * other candidate (ties count); false when it is not a candidate, null when nothing was checked.
     */
    public static Boolean explainsMost(Analysis analysis, String expected) {
        var checked = analysis.candidates().stream().filter(c -> c.hypothesis() != null).toList();
        if (checked.isEmpty()) {
            return null;
        }
        int most = checked.stream().mapToInt(c -> c.hypothesis().explains()).max().orElse(0);
        return checked.stream().anyMatch(c -> c.name().equalsIgnoreCase(expected.strip()) && c.hypothesis().explains() == most);
    }

    public static List<String> serviceRanking(Analysis analysis) {
        var names = new LinkedHashSet<String>();
        analysis.candidates().stream().sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .forEach(c -> names.add(c.name()));
        return List.copyOf(names);
    }

    public GraphStore store() {
        return store;
    }

    @Override
    public void close() {
        if (home != null) {
            store.close();
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
