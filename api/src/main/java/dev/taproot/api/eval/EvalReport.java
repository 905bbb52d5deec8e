package dev.taproot.api.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.taproot.rules.eval.Calibration;
import dev.taproot.rules.eval.CaseOutcome;
import dev.taproot.rules.eval.EvalSummary;

/** Prints eval figures (per system, per fault type, pooled) and writes the JSON report. */
public final class EvalReport {

    private final List<CaseOutcome> outcomes;
    private final List<CaseOutcome> baseline;

    /** @param baseline the N-Sigma outcomes of the same cases, or null */
    public EvalReport(List<CaseOutcome> outcomes, List<CaseOutcome> baseline) {
        this.outcomes = List.copyOf(outcomes);
        this.baseline = baseline == null ? null : List.copyOf(baseline);
    }

    /** How well the first candidate's confidence predicts that it is right. */
    public Calibration calibration() {
        return Calibration.of(outcomes, Calibration.DEFAULT_BINS);
    }

    /**
     * How often the hypothesis check names the true cause as the candidate explaining the most symptoms
     * (ties count), over the cases where it ran.
     */
    public String hypothesisLine() {
        var checked = outcomes.stream().filter(o -> o.explainsMost() != null && o.error() == null).toList();
        if (checked.isEmpty()) {
            return "hypothesis check: not run";
        }
        long most = checked.stream().filter(CaseOutcome::explainsMost).count();
        long mostAndFirst = checked.stream().filter(o -> o.explainsMost() && o.hit(1)).count();
        return String.format(java.util.Locale.ROOT,
                "hypothesis check: the true cause explains the most symptoms in %d of %d cases (%.2f); ranked first in %d of those",
                most, checked.size(), (double) most / checked.size(), mostAndFirst);
    }

    public EvalSummary pooled() {
        return EvalSummary.of("pooled", outcomes);
    }

    /** The tables, then the required last line. */
    public void print(PrintStream out) {
        table(out, "system", EvalSummary.by(outcomes, CaseOutcome::system),
                baseline == null ? null : EvalSummary.by(baseline, CaseOutcome::system));
        table(out, "fault type", EvalSummary.by(outcomes, CaseOutcome::faultType),
                baseline == null ? null : EvalSummary.by(baseline, CaseOutcome::faultType));
        evidenceTable(out);
        calibration().lines().forEach(out::println);
        out.println(hypothesisLine());
        out.println();
        long errors = outcomes.stream().filter(o -> o.error() != null).count();
        if (errors > 0) {
            out.println(errors + " case(s) failed to analyse (see --json for the errors)");
        }
        if (baseline != null) {
            out.println("n-sigma " + EvalSummary.of("pooled", baseline).lastLine().substring("eval: ".length()));
        }
        out.println(pooled().lastLine());
    }

    /**
     * Per fault type: in how many cases the true cause had a signal of its own in the bundle, and how often it was
     * in the top 3 with and without one. A fault type found poorly where its cause shows nothing is a limit of the
     * evidence; one found poorly where it does, a limit of the engine.
     */
    void evidenceTable(PrintStream out) {
        var checked = outcomes.stream().filter(o -> o.ownEvidence() != null && o.error() == null).toList();
        if (checked.isEmpty()) {
            return;
        }
        out.println(String.format(java.util.Locale.ROOT, "%-26s %6s %12s %14s %17s", "evidence on the true cause",
                "cases", "own signal", "top 3 with it", "top 3 without it"));
        var byType = new java.util.TreeMap<String, List<CaseOutcome>>();
        checked.forEach(o -> byType.computeIfAbsent(o.faultType() == null ? "-" : o.faultType(), k -> new java.util.ArrayList<>()).add(o));
        byType.put("all", checked);
        byType.forEach((type, list) -> {
            var with = list.stream().filter(CaseOutcome::ownEvidence).toList();
            var without = list.stream().filter(o -> !o.ownEvidence()).toList();
            out.println(String.format(java.util.Locale.ROOT, "%-26s %6d %12d %14s %17s", type, list.size(), with.size(),
                    share(with), share(without)));
        });
        out.println();
    }

    private static String share(List<CaseOutcome> list) {
        return list.isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%d of %d", list.stream().filter(o -> o.hit(3)).count(),
                list.size());
    }

    private static void table(PrintStream out, String first, List<EvalSummary> rows, List<EvalSummary> base) {
        out.println(EvalSummary.header(first) + (base == null ? "" : "   | n-sigma AC@1  AC@3  Avg@5"));
        for (int i = 0; i < rows.size(); i++) {
            EvalSummary r = rows.get(i);
            String b = "";
            if (base != null) {
                EvalSummary s = base.stream().filter(x -> x.group().equals(r.group())).findFirst().orElse(null);
                b = s == null ? "" : String.format(java.util.Locale.ROOT, "   |         %5.2f %5.2f  %5.2f", s.ac1(), s.ac3(), s.avg5());
            }
            out.println(r.row() + b);
        }
        out.println();
    }

    /** Writes every case's ranking and the summaries. */
    public void writeJson(Path file) throws IOException {
        var root = new LinkedHashMap<String, Object>();
        root.put("pooled", pooled());
        root.put("systems", EvalSummary.by(outcomes, CaseOutcome::system));
        root.put("faultTypes", EvalSummary.by(outcomes, CaseOutcome::faultType));
        if (baseline != null) {
            root.put("nsigma", Map.of("pooled", EvalSummary.of("pooled", baseline),
                    "systems", EvalSummary.by(baseline, CaseOutcome::system), "cases", baseline));
        }
        root.put("calibration", calibration());
        root.put("hypothesisCheck", hypothesisLine());
        root.put("cases", outcomes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }
}
