package dev.taproot.search.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges a lexical ranking (Taproot's BM25 and structured matches) with a semantic one (nearest
 * vectors) into one ranking, best first.
 */
public interface RankFusion {

    /** A short name for reports, e.g. {@code rrf(k=60)}. */
    String name();

    /** Both rankings fused; each list is best first, an id may appear in one or both. */
    List<Scored> fuse(List<Scored> lexical, List<Scored> semantic);

    /**
     * Reciprocal rank fusion: {@code sum over rankings of weight / (k + rank)}, rank from 1. Scores are
     * ignored, so the two scales never need reconciling.
     *
     * @param k              damping constant (60 in the original paper)
     * @param semanticWeight weight of the semantic ranking (the lexical one weighs 1)
     */
    static RankFusion reciprocalRank(int k, double semanticWeight) {
        return new RankFusion() {
            @Override
            public String name() {
                return String.format(Locale.ROOT, "rrf(k=%d,w=%.2f)", k, semanticWeight);
            }

            @Override
            public List<Scored> fuse(List<Scored> lexical, List<Scored> semantic) {
                var sum = new LinkedHashMap<String, Double>();
                for (int r = 0; r < lexical.size(); r++) {
                    sum.merge(lexical.get(r).id(), 1.0 / (k + r + 1), Double::sum);
                }
                for (int r = 0; r < semantic.size(); r++) {
                    sum.merge(semantic.get(r).id(), semanticWeight / (k + r + 1), Double::sum);
                }
                return sorted(sum);
            }
        };
    }

    /**
     * A linear mix of scores each scaled to [0, 1] by the min and max of its own list:
     * {@code (1 - alpha) * lexical + alpha * semantic}; an id missing from a list scores 0 there.
     *
     * @param alpha weight of the semantic score, in [0, 1]
     */
    static RankFusion linear(double alpha) {
        if (alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in [0, 1], was " + alpha);
        }
        return new RankFusion() {
            @Override
            public String name() {
                return String.format(Locale.ROOT, "linear(alpha=%.2f)", alpha);
            }

            @Override
            public List<Scored> fuse(List<Scored> lexical, List<Scored> semantic) {
                var sum = new LinkedHashMap<String, Double>();
                addScaled(sum, lexical, 1 - alpha);
                addScaled(sum, semantic, alpha);
                return sorted(sum);
            }
        };
    }

    /** The semantic ranking alone (embeddings without BM25; the evaluation's third row). */
    static RankFusion semanticOnly() {
        return new RankFusion() {
            @Override
            public String name() {
                return "embeddings only";
            }

            @Override
            public List<Scored> fuse(List<Scored> lexical, List<Scored> semantic) {
                return List.copyOf(semantic);
            }
        };
    }

    private static void addScaled(Map<String, Double> sum, List<Scored> ranking, double weight) {
        if (ranking.isEmpty() || weight == 0) {
            ranking.forEach(s -> sum.merge(s.id(), 0.0, Double::sum));
            return;
        }
        double min = ranking.stream().mapToDouble(Scored::score).min().orElse(0);
        double max = ranking.stream().mapToDouble(Scored::score).max().orElse(0);
        double span = max - min;
        for (Scored s : ranking) {
            double scaled = span <= 0 ? 1.0 : (s.score() - min) / span;
            sum.merge(s.id(), weight * scaled, Double::sum);
        }
    }

    private static List<Scored> sorted(Map<String, Double> sum) {
        var out = new ArrayList<Scored>(sum.size());
        sum.forEach((id, s) -> out.add(new Scored(id, s)));
        // stable: ties keep the lexical order (insertion order) first
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }
}
