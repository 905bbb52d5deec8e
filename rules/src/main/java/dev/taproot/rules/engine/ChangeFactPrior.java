package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.taproot.rules.evidence.Evidence;
import dev.taproot.rules.ranking.UnitScore;

/**
 * Applies {@link ChangeFacts} to a ranking: a unit whose change a fact is about has its score multiplied by
 * the strongest fact's factor, and every fact about it becomes a {@link Evidence.Kind#FACT} node of its
 * evidence. Kept apart from the ranker: it only rescales and reorders what the ranker produced.
 */
final class ChangeFactPrior {

    /** The id a failing fact source is recorded under among the rule failures. */
    static final String SOURCE_ID = "source.change-facts";

    private final Map<String, List<ChangeFact>> byUnit;

    private ChangeFactPrior(Map<String, List<ChangeFact>> byUnit) {
        this.byUnit = byUnit;
    }

    static ChangeFactPrior of(Topology topology, List<ChangeFact> facts) {
        var byUnit = new LinkedHashMap<String, List<ChangeFact>>();
        for (ChangeFact f : facts) {
            var list = byUnit.computeIfAbsent(topology.unit(f.change().entityKey()), k -> new ArrayList<>());
            if (list.stream().noneMatch(g -> g.sentence().equals(f.sentence()))) {
                list.add(f);
            }
        }
        byUnit.values().forEach(l -> l.sort(Comparator.comparingDouble((ChangeFact f) -> -f.kind().factor())
                .thenComparing(ChangeFact::sentence)));
        return new ChangeFactPrior(byUnit);
    }

    static ChangeFactPrior none() {
        return new ChangeFactPrior(Map.of());
    }

    /** The ranking with each unit a fact is about raised by its strongest fact, best first again. */
    List<UnitScore> apply(List<UnitScore> ranked) {
        if (byUnit.isEmpty()) {
            return ranked;
        }
        var out = new ArrayList<UnitScore>(ranked.size());
        for (UnitScore u : ranked) {
            List<ChangeFact> facts = byUnit.get(u.unit());
            if (facts == null || u.anomaly() <= 0) {
                out.add(u);
                continue;
            }
            double f = facts.get(0).kind().factor();
            out.add(new UnitScore(u.unit(), u.score() * f, u.pageRank(), u.anomaly(), u.fault(), u.onset(), u.onsetPrior(),
                    u.changePrior(), u.historyPrior(), u.feedbackPrior(), u.explained(), u.significance()));
        }
        out.sort(Comparator.comparingDouble(UnitScore::score).reversed().thenComparing(UnitScore::unit));
        return out;
    }

    /** The candidate's evidence with the facts about its changes added. */
    Evidence explain(String unit, Evidence tree) {
        List<ChangeFact> facts = byUnit.get(unit);
        if (facts == null) {
            return tree;
        }
        var details = new ArrayList<Evidence>();
        for (ChangeFact f : facts) {
            details.add(Evidence.of(f.kind().factor(), String.format(Locale.ROOT, "%s (score x%.1f): %s",
                    f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), f.kind().factor(), f.sentence()),
                    Evidence.Kind.FACT, f.sentence(), f.ref(), List.of()));
        }
        details.addAll(tree.details());
        return new Evidence(tree.value(), tree.description(), tree.kind(), tree.sentence(), tree.ref(), details);
    }
}
