package dev.taproot.api.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.eval.CaseOutcome;
import dev.taproot.rules.eval.CaseSpec;
import dev.taproot.rules.eval.EvalSummary;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.RankingSettings;

/**
 * Leave-one-system-out figures for the parameters that were chosen on data. The ranking's defaults
 * ({@link RankingSettings#defaults()}) were picked on the shared cases from a small grid; here every
 * candidate of that grid analyses every replayed case (one ingest, several analyses), and for each
 * system the candidate that scores best on the <i>other</i> systems (AC@1 + AC@3 + Avg@5 pooled over
 * them; ties go to the defaults, then to grid order) is scored on the held-out one. Detection settings
 * have stated meanings (DetectorConfig) and are not chosen here.
 */
public final class LeaveOneSystemOut {

    /** One candidate setting of the data-chosen parameters. */
    public record Candidate(String name, RankingSettings settings) {
    }

    /** The held-out figures of one system. */
    public record Held(String system, EvalSummary inSample, EvalSummary heldOut, String chosen) {
    }

    private final List<Candidate> grid;
    private final List<RootCauseEngine> engines = new ArrayList<>();
    private final Map<String, List<CaseOutcome>> outcomes = new LinkedHashMap<>();

    public LeaveOneSystemOut(GraphStore store, Supplier<RulePack> rules, List<Candidate> grid) {
        this.grid = List.copyOf(grid);
        for (Candidate c : grid) {
            engines.add(new RootCauseEngine(store, rules, Vocabulary.standard(), c.settings()));
            outcomes.put(c.name(), new ArrayList<>());
        }
    }

    /**
     * The grid the defaults were chosen from, one parameter moved at a time (halved and doubled): the
     * score scales of metric and count anomalies, the weight of a unit's own fault evidence, the weight
     * of symptom-only signals and the weight of the hypothesis check.
     */
    public static List<Candidate> defaultGrid() {
        RankingSettings d = RankingSettings.defaults();
        var out = new ArrayList<Candidate>();
        out.add(new Candidate("defaults", d));
        for (double f : new double[] {0.5, 2.0}) {
            out.add(new Candidate("scoreScale=" + d.scoreScale() * f, new RankingSettings(d.scoreScale() * f,
                    d.symptomTypeWeight(), d.teleport(), d.spread(), d.selfWeight(), d.rankExponent(), d.onsetBoost(),
                    d.onsetScale(), d.changeBoost(), d.historyBoost(), d.minConfidence(), d.deltaExponent(),
                    d.crossMetricFactor(), d.countScoreScale(), d.hypothesisWeight())));
            out.add(new Candidate("countScoreScale=" + d.countScoreScale() * f, new RankingSettings(d.scoreScale(),
                    d.symptomTypeWeight(), d.teleport(), d.spread(), d.selfWeight(), d.rankExponent(), d.onsetBoost(),
                    d.onsetScale(), d.changeBoost(), d.historyBoost(), d.minConfidence(), d.deltaExponent(),
                    d.crossMetricFactor(), d.countScoreScale() * f, d.hypothesisWeight())));
            out.add(new Candidate("selfWeight=" + d.selfWeight() * f, new RankingSettings(d.scoreScale(),
                    d.symptomTypeWeight(), d.teleport(), d.spread(), d.selfWeight() * f, d.rankExponent(), d.onsetBoost(),
                    d.onsetScale(), d.changeBoost(), d.historyBoost(), d.minConfidence(), d.deltaExponent(),
                    d.crossMetricFactor(), d.countScoreScale(), d.hypothesisWeight())));
            out.add(new Candidate("symptomTypeWeight=" + Math.min(1.0, d.symptomTypeWeight() * f), new RankingSettings(
                    d.scoreScale(), Math.min(1.0, d.symptomTypeWeight() * f), d.teleport(), d.spread(), d.selfWeight(),
                    d.rankExponent(), d.onsetBoost(), d.onsetScale(), d.changeBoost(), d.historyBoost(),
                    d.minConfidence(), d.deltaExponent(), d.crossMetricFactor(), d.countScoreScale(), d.hypothesisWeight())));
        }
        return out;
    }

    /** Analyses a replayed case (its data still in the store) with every candidate. */
    public void analyse(EvalRunner.Replay replay) {
        CaseSpec spec = replay.spec();
        for (int i = 0; i < grid.size(); i++) {
            CaseOutcome o;
            try {
                long t0 = System.nanoTime();
                Analysis a = engines.get(i).analyze(EvalRunner.request(spec));
                double ms = (System.nanoTime() - t0) / 1e6;
                List<String> ranking = EvalRunner.serviceRanking(a);
                o = new CaseOutcome(spec.id(), spec.system(), spec.expectedFaultType(), spec.expectedRootCause(),
                        ranking, CaseOutcome.rankOf(spec.expectedRootCause(), ranking), ms, null);
            } catch (RuntimeException e) {
                o = new CaseOutcome(spec.id(), spec.system(), spec.expectedFaultType(), spec.expectedRootCause(),
                        List.of(), 0, 0, e.toString());
            }
            outcomes.get(grid.get(i).name()).add(o);
        }
    }

    /** Held-out figures per system. */
    public List<Held> results() {
        var systems = new TreeSet<String>();
        outcomes.get(grid.get(0).name()).forEach(o -> systems.add(o.system()));
        var out = new ArrayList<Held>();
        for (String held : systems) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate c : grid) {
                List<CaseOutcome> others = outcomes.get(c.name()).stream().filter(o -> !o.system().equals(held)).toList();
                if (others.isEmpty()) {
                    continue;
                }
                EvalSummary s = EvalSummary.of("others", others);
                double score = s.ac1() + s.ac3() + s.avg5();
                if (score > bestScore + 1e-9) {
                    best = c;
                    bestScore = score;
                }
            }
            Candidate chosen = best == null ? grid.get(0) : best;
            out.add(new Held(held, summary(grid.get(0), held), summary(chosen, held), chosen.name()));
        }
        return out;
    }

    private EvalSummary summary(Candidate c, String system) {
        return EvalSummary.of(system, outcomes.get(c.name()).stream().filter(o -> o.system().equals(system)).toList());
    }

    /** Prints in-sample beside held-out figures per system. */
    public void print(PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-22s %5s   %-17s   %-17s   %s", "leave-one-system-out", "cases",
                "in-sample @1 @3 avg5", "held-out @1 @3 avg5", "chosen on the other systems"));
        for (Held h : results()) {
            out.println(String.format(Locale.ROOT, "%-22s %5d   %5.2f %5.2f %5.2f   %5.2f %5.2f %5.2f   %s", h.system(),
                    h.inSample().cases(), h.inSample().ac1(), h.inSample().ac3(), h.inSample().avg5(),
                    h.heldOut().ac1(), h.heldOut().ac3(), h.heldOut().avg5(), h.chosen()));
        }
        out.println();
    }
}
