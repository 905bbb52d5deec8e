package dev.taproot.rules.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Accuracy figures of a set of case outcomes: AC@1, AC@3, Avg@5 and the median analysis time. */
public record EvalSummary(String group, int cases, double ac1, double ac3, double avg5, double medianMillis) {

    /** The figures of some outcomes. */
    public static EvalSummary of(String group, Collection<CaseOutcome> outcomes) {
        int n = outcomes.size();
        if (n == 0) {
            return new EvalSummary(group, 0, 0, 0, 0, 0);
        }
        double[] ac = new double[6];
        for (int k = 1; k <= 5; k++) {
            final int kk = k;
            ac[k] = outcomes.stream().filter(o -> o.hit(kk)).count() / (double) n;
        }
        double avg5 = (ac[1] + ac[2] + ac[3] + ac[4] + ac[5]) / 5;
        double[] times = outcomes.stream().mapToDouble(CaseOutcome::analysisMillis).sorted().toArray();
        double median = times.length % 2 == 1 ? times[times.length / 2]
                : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
        return new EvalSummary(group, n, ac[1], ac[3], avg5, median);
    }

    /** Figures per group (system, fault type), sorted by group name. */
    public static List<EvalSummary> by(Collection<CaseOutcome> outcomes, Function<CaseOutcome, String> key) {
        var groups = new TreeMap<String, List<CaseOutcome>>();
        outcomes.forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        var out = new ArrayList<EvalSummary>();
        for (Map.Entry<String, List<CaseOutcome>> e : groups.entrySet()) {
            out.add(of(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** One table row. */
    public String row() {
        return String.format(Locale.ROOT, "%-28s %5d  %5.2f  %5.2f  %5.2f  %8.1f", group, cases, ac1, ac3, avg5, medianMillis);
    }

    /** The table header matching {@link #row()}. */
    public static String header(String first) {
        return String.format(Locale.ROOT, "%-28s %5s  %5s  %5s  %5s  %8s", first, "cases", "AC@1", "AC@3", "Avg@5", "median ms");
    }

    /** The required last line of an eval run. */
    public String lastLine() {
        return String.format(Locale.ROOT, "eval: %d cases, AC@1=%.2f AC@3=%.2f Avg@5=%.2f", cases, ac1, ac3, avg5);
    }
}
