package dev.taproot.api.diagnosis;

import java.util.Locale;

import dev.taproot.rules.engine.AnalysisText;
import dev.taproot.search.SimilarHit;

/** Renders a {@link Diagnosis} as plain text: the CLI, the demo and {@code ?format=text} print the same. */
public final class DiagnosisText {

    /** Blast-radius entities listed before "and N more". */
    static final int BLAST_SHOWN = 8;

    private DiagnosisText() {
    }

    /** The whole diagnosis. */
    public static String render(Diagnosis d) {
        var sb = new StringBuilder();
        if (!d.understood().note().isEmpty()) {
            sb.append(d.understood().note()).append('\n');
        }
        sb.append(AnalysisText.render(d.analysis()));
        if (!d.blastRadius().isEmpty() && d.analysis().top() != null) {
            sb.append("blast radius of ").append(d.analysis().top().name()).append(": ").append(d.blastRadius().size())
                    .append(" dependent(s): ");
            d.blastRadius().stream().limit(BLAST_SHOWN).forEach(a -> sb.append(a.name()).append(" (").append(a.hops())
                    .append(a.hops() == 1 ? " hop), " : " hops), "));
            sb.setLength(sb.length() - 2);
            if (d.blastRadius().size() > BLAST_SHOWN) {
                sb.append(" and ").append(d.blastRadius().size() - BLAST_SHOWN).append(" more");
            }
            sb.append('\n');
        }
        d.live().fetched().forEach(f -> sb.append("fetched: ").append(f).append('\n'));
        d.live().problems().forEach(p -> sb.append("could not fetch: ").append(p).append('\n'));
        sb.append('\n').append("== Similar past incidents ==").append('\n');
        if (d.similar().isEmpty()) {
            sb.append("(none)").append('\n');
        }
        int rank = 1;
        for (SimilarHit hit : d.similar()) {
            sb.append(String.format(Locale.ROOT, "%d. %s  %s (score %.2f)%n", rank++, hit.id(), hit.title(), hit.score()));
            sb.append(String.format(Locale.ROOT, "   root cause: %s%s%n", hit.rootCause(),
                    hit.faultType() == null ? "" : " (" + hit.faultType() + ")"));
            sb.append(String.format(Locale.ROOT, "   resolution: %s%n", hit.resolution()));
            if (hit.runbook() != null) {
                sb.append(String.format(Locale.ROOT, "   runbook:    %s%n", hit.runbook()));
            }
            sb.append(String.format(Locale.ROOT, "   matched on: %s%n", hit.why()));
        }
        if (!d.whatToDo().isEmpty()) {
            sb.append('\n').append("== What to do ==").append('\n');
            int n = 1;
            for (Advice a : d.whatToDo()) {
                sb.append(n++).append(". ").append(a.title()).append('\n');
                a.steps().forEach(s -> sb.append("   - ").append(s).append('\n'));
                a.checks().forEach(c -> sb.append("   check: ").append(c).append('\n'));
                a.links().forEach(l -> sb.append("   see: ").append(l).append('\n'));
                a.actions().forEach(x -> sb.append("   action (dry run first, runs only when an admin approves): ")
                        .append(x.command()).append('\n'));
                sb.append("   why: ").append(a.why()).append('\n');
            }
        }
        return sb.toString();
    }
}
