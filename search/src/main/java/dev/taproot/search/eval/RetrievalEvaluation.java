package dev.taproot.search.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.IncidentIndex;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.lucene.LuceneIncidentIndex;
import dev.taproot.search.lucene.SearchWeights;

/**
 * Leave-one-out evaluation of similar-incident retrieval: every labelled item in turn is the query
 * (its own record excluded from the results), the others are the history; a hit is relevant when it
 * shares a label with the query. Reports MRR (over the first {@link #DEPTH} hits) and precision at 5.
 */
public final class RetrievalEvaluation {

    /** How deep the reciprocal rank looks. */
    public static final int DEPTH = 20;

    /**
     * One past incident with its relevance labels and the query a new occurrence of it would make.
     *
     * @param incident the record as it is indexed
     * @param labels   relevance labels (items sharing one are relevant to each other); empty: not a query
     * @param query    what a new occurrence would ask (never holding the labels)
     */
    public record Item(Incident incident, Set<String> labels, SimilarQuery query) {
    }

    /** Figures for one configuration. */
    public record Figures(String name, int queries, double mrr, double precisionAt5) {
        public String line() {
            return String.format(Locale.ROOT, "%-28s queries=%d MRR=%.3f P@5=%.3f", name, queries, mrr, precisionAt5);
        }
    }

    private RetrievalEvaluation() {
    }

    /**
     * Runs the leave-one-out over one index built with {@code weights}, asking each item's query as
     * transformed by {@code asked} (identity for the full query, {@code SimilarQuery::textOnly} for plain BM25).
     */
    public static Figures run(String name, List<Item> items, SearchWeights weights, Function<SimilarQuery, SimilarQuery> asked) {
        return run(name, items, () -> LuceneIncidentIndex.inMemory(weights), asked);
    }

    /** The same leave-one-out over a fresh index from {@code newIndex} (another implementation, e.g. hybrid). */
    public static Figures run(String name, List<Item> items, Supplier<? extends IncidentIndex> newIndex,
                              Function<SimilarQuery, SimilarQuery> asked) {
        return runDetailed(name, items, newIndex, asked).figures();
    }

    /**
     * Figures with each query's reciprocal rank (0 when nothing relevant is in the top {@link #DEPTH}),
     * by query incident id, for paired comparisons of two configurations.
     */
    public record Detailed(Figures figures, Map<String, Double> reciprocalRanks) {
    }

    /** {@link #run(String, List, Supplier, Function)} keeping every query's reciprocal rank. */
    public static Detailed runDetailed(String name, List<Item> items, Supplier<? extends IncidentIndex> newIndex,
                                       Function<SimilarQuery, SimilarQuery> asked) {
        Map<String, Double> perQuery = new java.util.LinkedHashMap<>();
        Map<String, Set<String>> labelsById = new HashMap<>();
        items.forEach(i -> labelsById.put(i.incident().id(), i.labels()));
        try (var index = newIndex.get()) {
            index.upsert(items.stream().map(Item::incident).toList());
            index.commit();
            int queries = 0;
            double rr = 0;
            double p5 = 0;
            for (Item item : items) {
                if (item.labels().isEmpty() || !hasRelevant(item, items)) {
                    continue;
                }
                queries++;
                SimilarQuery q = asked.apply(item.query());
                q = new SimilarQuery(q.text(), q.services(), q.neighbours(), q.alerts(), q.faultTypes(), q.entityTypes(),
                        q.signatures(), q.candidateCauses(), q.fingerprint(), q.asOf(), q.feedback(), DEPTH + 1, false);
                List<SimilarHit> hits = new ArrayList<>(index.similar(q));
                hits.removeIf(h -> h.id().equals(item.incident().id()));
                int rank = 0;
                int relevantInTop5 = 0;
                for (int r = 0; r < Math.min(DEPTH, hits.size()); r++) {
                    boolean relevant = shares(item.labels(), labelsById.getOrDefault(hits.get(r).id(), Set.of()));
                    if (relevant && rank == 0) {
                        rank = r + 1;
                    }
                    if (relevant && r < 5) {
                        relevantInTop5++;
                    }
                }
                rr += rank == 0 ? 0 : 1.0 / rank;
                p5 += relevantInTop5 / 5.0;
                perQuery.put(item.incident().id(), rank == 0 ? 0 : 1.0 / rank);
            }
            return new Detailed(new Figures(name, queries, queries == 0 ? 0 : rr / queries, queries == 0 ? 0 : p5 / queries),
                    perQuery);
        }
    }

    private static boolean hasRelevant(Item item, List<Item> items) {
        for (Item other : items) {
            if (other != item && shares(item.labels(), other.labels())) {
                return true;
            }
        }
        return false;
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
