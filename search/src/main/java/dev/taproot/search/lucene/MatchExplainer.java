package dev.taproot.search.lucene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.search.Explanation;

import dev.taproot.search.MatchReason;
import dev.taproot.search.Why;

/**
 * Reads Lucene's {@link Explanation} of a hit: which query terms matched in which field and how much
 * each field added, and the whole tree as a {@link Why}.
 */
final class MatchExplainer {

    /** {@code weight(title:timeout in 12) [BM25Similarity]} and {@code ConstantScore(service:cart)^2.0}. */
    private static final Pattern LEAF = Pattern.compile("^(?:weight\\(|ConstantScore\\()([A-Za-z]+):(\\S+?)(?: in \\d+\\)|\\))");

    private MatchExplainer() {
    }

    static List<MatchReason> reasons(Explanation explanation) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        collect(explanation, 1.0, terms, scores);
        var out = new ArrayList<MatchReason>();
        terms.forEach((field, ts) -> out.add(new MatchReason(field, List.copyOf(ts), round(scores.get(field)))));
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /**
     * Walks the tree; under a dismax node only the best clause counts fully, the others by the tie
     * breaker, so shares add up to about the score.
     */
    private static void collect(Explanation e, double share, Map<String, Set<String>> terms, Map<String, Double> scores) {
        if (!e.isMatch()) {
            return;
        }
        Matcher m = LEAF.matcher(e.getDescription());
        if (m.find()) {
            String field = m.group(1);
            terms.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(m.group(2));
            scores.merge(field, e.getValue().doubleValue() * share, Double::sum);
            return;
        }
        Explanation[] details = e.getDetails();
        if (e.getDescription().startsWith("max plus ")) {
            double tie = tieOf(e.getDescription());
            Explanation best = null;
            for (Explanation d : details) {
                if (d.isMatch() && (best == null || d.getValue().doubleValue() > best.getValue().doubleValue())) {
                    best = d;
                }
            }
            for (Explanation d : details) {
                collect(d, share * (d == best ? 1.0 : tie), terms, scores);
            }
            return;
        }
        for (Explanation d : details) {
            collect(d, share, terms, scores);
        }
    }

    private static double tieOf(String description) {
        Matcher m = Pattern.compile("max plus ([0-9.]+) times").matcher(description);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
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
