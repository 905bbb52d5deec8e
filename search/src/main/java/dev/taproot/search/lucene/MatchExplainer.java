package dev.taproot.search.lucene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import java.util.HashMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import dev.taproot.search.MatchReason;
import dev.taproot.search.Why;

/**
 * Says why a hit matched, from the query's own clauses (not from Lucene's description strings):
 * each clause is explained against the hit, and the words of the clauses that matched are grouped by
 * field with the share of the score they added. Text words are shown as the query gave them, not as
 * the analyser's stems; a word searched in several text fields counts fully in its best field and by
 * the dismax tie breaker in the others, as in the query.
 */
final class MatchExplainer {

    private final List<SimilarQueryBuilder.Clause> clauses;
    private final List<Weight> weights = new ArrayList<>();
    private final double tieBreaker;

    MatchExplainer(IndexSearcher searcher, List<SimilarQueryBuilder.Clause> clauses, double tieBreaker) throws IOException {
        this.clauses = clauses;
        this.tieBreaker = tieBreaker;
        for (SimilarQueryBuilder.Clause c : clauses) {
            weights.add(searcher.createWeight(searcher.rewrite(c.query()), ScoreMode.COMPLETE, 1f));
        }
    }

    /** Per field, the words that matched this document and the share of the score they added, largest first. */
    List<MatchReason> reasons(LeafReaderContext leaf, int doc) throws IOException {
        Map<String, Set<String>> words = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<Integer, Integer> bestOfGroup = new HashMap<>();
        double[] values = new double[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            Explanation e = weights.get(i).explain(leaf, doc);
            values[i] = e.isMatch() ? e.getValue().doubleValue() : Double.NaN;
            int group = clauses.get(i).group();
            if (e.isMatch() && group >= 0) {
                Integer best = bestOfGroup.get(group);
                if (best == null || values[i] > values[best]) {
                    bestOfGroup.put(group, i);
                }
            }
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            SimilarQueryBuilder.Clause c = clauses.get(i);
            double share = c.group() < 0 || bestOfGroup.get(c.group()) == i ? 1.0 : tieBreaker;
            words.computeIfAbsent(c.field(), f -> new LinkedHashSet<>()).add(c.word());
            scores.merge(c.field(), values[i] * share, Double::sum);
        }
        var out = new ArrayList<MatchReason>();
        words.forEach((field, ws) -> out.add(new MatchReason(field, List.copyOf(ws), round(scores.get(field)))));
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** The explanation as a tree; BM25's inner formula terms are kept (they say why a term weighs what it weighs). */
    static Why tree(Explanation e) {
        var details = new ArrayList<Why>();
        for (Explanation d : e.getDetails()) {
            details.add(tree(d));
        }
        return new Why(e.getValue().doubleValue(), e.getDescription(), details);
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
