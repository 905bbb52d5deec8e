package dev.taproot.rules.engine;

import java.util.Locale;

import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.Candidate;

/** Renders an analysis as plain text for the CLI and ChatOps. */
public final class AnalysisText {

    private AnalysisText() {
    }

    /** The full answer: symptoms, candidates with evidence (sentences, then the score tree), ruled-out alternatives, rule failures. */
    public static String render(Analysis a) {
        return render(a, 3, true, true);
    }

    /**
     * @param evidenceFor  how many top candidates get their evidence printed
     * @param withRuledOut whether to list the alternatives ruled out
     * @param withScores   whether the score tree follows each candidate's sentences
     */
    public static String render(Analysis a, int evidenceFor, boolean withRuledOut, boolean withScores) {
        var sb = new StringBuilder();
        sb.append(a.summary()).append('\n');
        sb.append("window: ").append(a.windowStart()).append(" .. ").append(a.windowEnd()).append('\n');
        sb.append(a.symptomsInferred() ? "symptoms (chosen by the engine):" : "symptoms:").append('\n');
        a.symptoms().forEach(s -> sb.append("  - ").append(s.name()).append(" [").append(s.type()).append("] ")
                .append(s.reason()).append('\n'));
        if (a.noConfidentCause()) {
            sb.append("no confident cause: nothing explains the symptom well enough").append('\n');
        }
        sb.append("candidates:").append('\n');
        int i = 0;
        for (Candidate c : a.candidates()) {
            i++;
            sb.append(String.format(Locale.ROOT, "  %d. %s [%s] %s confidence %.2f%n", i, c.name(), c.type(),
                    c.faultType(), c.confidence()));
            if (i <= evidenceFor) {
                if (c.hypothesis() != null) {
                    sb.append("     - ").append(c.hypothesis().sentence(c.name())).append('\n');
                }
                c.evidence().sentences().forEach(l -> sb.append("     - ").append(l).append('\n'));
                if (withScores) {
                    sb.append("     how the confidence was computed:").append('\n');
                    c.evidence().toText().lines().forEach(l -> sb.append("       ").append(l).append('\n'));
                }
            }
        }
        if (withRuledOut && !a.ruledOut().isEmpty()) {
            sb.append("ruled out:").append('\n');
            a.ruledOut().stream().limit(15).forEach(r -> sb.append("  - ").append(r.name()).append(": ")
                    .append(r.reason()).append('\n'));
        }
        if (!a.ruleFailures().isEmpty()) {
            sb.append("rule failures (the analysis went on without them):").append('\n');
            a.ruleFailures().forEach(f -> sb.append("  - ").append(f.ruleId()).append(": ").append(f.error()).append('\n'));
        }
        sb.append(String.format(Locale.ROOT, "analysed %d entities, %d relationships, %d signals, %d causal links in %.1f ms%n",
                a.timings().entities(), a.timings().relationships(), a.timings().signals(), a.timings().causalLinks(),
                a.timings().totalMillis()));
        return sb.toString();
    }
}
