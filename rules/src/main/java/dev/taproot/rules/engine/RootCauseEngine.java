package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.RankingSettings;

/**
 * Taproot's root-cause engine: reads one bounded subgraph around the symptom from the store, then
 * matches rules, builds the causal signal graph and ranks causes, all in memory.
 *
 * <pre>{@code
 * var engine = new RootCauseEngine(store, RulePack::builtIn);
 * Analysis a = engine.analyze(AnalysisRequest.of(List.of("frontend"), start, end));
 * System.out.println(AnalysisText.render(a));
 * }</pre>
 */
public final class RootCauseEngine {

    /** Entities read at most per analysis. */
    public static final int DEFAULT_MAX_ENTITIES = 20_000;

    private final GraphReads store;
    private final Supplier<RulePack> rules;
    private final InMemoryAnalyzer analyzer;
    private final ChangeFacts changeFacts;

    public RootCauseEngine(GraphReads store, Supplier<RulePack> rules) {
        this(store, rules, Vocabulary.standard(), RankingSettings.defaults());
    }

    public RootCauseEngine(GraphReads store, Supplier<RulePack> rules, Vocabulary vocabulary, RankingSettings settings) {
        this(store, rules, vocabulary, settings, ChangeFacts.NONE);
    }

    /** An engine that also asks {@code changeFacts} what is known about the changes it reads. */
    public RootCauseEngine(GraphReads store, Supplier<RulePack> rules, Vocabulary vocabulary, RankingSettings settings,
                           ChangeFacts changeFacts) {
        this.store = store;
        this.rules = rules;
        this.analyzer = new InMemoryAnalyzer(vocabulary, settings);
        this.changeFacts = changeFacts == null ? ChangeFacts.NONE : changeFacts;
    }

    /** Analyses a symptom against the store: one bounded subgraph read, then everything in memory. */
    public Analysis analyze(AnalysisRequest request) {
        long t0 = System.nanoTime();
        var seeds = new LinkedHashSet<String>();
        for (String s : request.symptomEntities()) {
            List<Entity> found = store.entity(s).map(List::of).orElseGet(() -> store.findEntities(s));
            if (found.isEmpty()) {
                throw new IllegalArgumentException("unknown symptom entity '" + s + "'");
            }
            found.forEach(e -> seeds.add(e.key()));
        }
        var from = request.windowStart().minus(AnalysisRequest.DEFAULT_LOOKBACK);
        if (seeds.isEmpty()) {
            // no symptom: start from whatever signalled in the window
            for (Signal s : store.signals(List.of(), from, request.windowEnd())) {
                seeds.add(s.entityKey());
                if (seeds.size() >= 2_000) {
                    break;
                }
            }
        }
        Subgraph graph = store.subgraph(new SubgraphQuery(seeds, request.depth(), request.windowEnd(), from,
                request.windowEnd(), DEFAULT_MAX_ENTITIES));
        double readMillis = (System.nanoTime() - t0) / 1e6;
        return analyzer.analyze(graph, request, rules.get(), new History() {
            @Override
            public Map<String, Integer> of(Set<String> units) {
                return history(units);
            }

            @Override
            public Map<String, Double> feedback(Set<String> units) {
                return RootCauseEngine.this.feedback(units);
            }

            @Override
            public List<ChangeFact> changeFacts(Topology topology, List<Signal> changes) {
                return changeFacts.about(topology, changes);
            }
        }, readMillis);
    }

    /** Analyses an already read subgraph (rule tests, replay, benchmarks); the store is not used. */
    public Analysis analyze(Subgraph graph, AnalysisRequest request) {
        return analyzer.analyze(graph, request, rules.get(), units -> Map.of(), 0);
    }

    /** The rule pack in force. */
    public RulePack rules() {
        return rules.get();
    }

    /** How often each unit was the root cause of a past incident (ROOT_CAUSE edges, counted in the graph). */
    private Map<String, Integer> history(Set<String> units) {
        var counts = new HashMap<String, Integer>();
        if (store == null || units.isEmpty()) {
            return counts;
        }
        store.rootCauseCounts(units).forEach((unit, n) -> counts.put(unit, (int) Math.min(Integer.MAX_VALUE, n)));
        return counts;
    }

    /**
     * What people said of these units as causes: per unit with any feedback, the {@link
     * dev.taproot.rules.ranking.FeedbackPrior} of its confirmations and rejections over all fault types.
     */
    private Map<String, Double> feedback(Set<String> units) {
        var out = new HashMap<String, Double>();
        if (store == null || units.isEmpty()) {
            return out;
        }
        var confirmed = new HashMap<String, Long>();
        var rejected = new HashMap<String, Long>();
        for (var p : store.causePriors(units)) {
            confirmed.merge(p.entityKey(), p.confirmed(), Long::sum);
            rejected.merge(p.entityKey(), p.rejected(), Long::sum);
        }
        for (String u : confirmed.keySet()) {
            long c = confirmed.get(u);
            long r = rejected.getOrDefault(u, 0L);
            if (c + r > 0) {
                out.put(u, dev.taproot.rules.ranking.FeedbackPrior.of(c, r));
            }
        }
        return out;
    }

    /** Past root-cause counts, and people's feedback, for some units. */
    @FunctionalInterface
    interface History {
        Map<String, Integer> of(Set<String> units);

        /** Per unit, the factor people's confirmations and rejections give it (none: no feedback). */
        default Map<String, Double> feedback(Set<String> units) {
            return Map.of();
        }

        /** What is known about the changes read, beyond their signals (none by default). */
        default List<ChangeFact> changeFacts(Topology topology, List<Signal> changes) {
            return List.of();
        }
    }

    static List<String> keys(List<Entity> entities) {
        var out = new ArrayList<String>();
        entities.forEach(e -> out.add(e.key()));
        return out;
    }
}
