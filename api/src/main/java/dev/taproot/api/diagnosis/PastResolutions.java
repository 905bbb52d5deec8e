package dev.taproot.api.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.search.SimilarHit;

/**
 * Advice from history: how similar past incidents were resolved, each saying why it was chosen.
 * Those whose cause was the same kind of fault as the most likely cause come first (the fix of a
 * fault type transfers across services), then those whose cause was the same entity, then the rest,
 * each group in order of similarity.
 */
public final class PastResolutions implements Remedies {

    @Override
    public List<Advice> advise(Analysis analysis, List<SimilarHit> similar) {
        Candidate top = analysis.top();
        var sameFault = new ArrayList<Advice>();
        var sameEntity = new ArrayList<Advice>();
        var others = new ArrayList<Advice>();
        for (SimilarHit hit : similar) {
            if (hit.resolution() == null || hit.resolution().isBlank()) {
                continue;
            }
            String sameCause = top == null ? null : sameCause(top, hit);
            String why = sameCause != null ? sameCause + "; it matched on " + hit.why()
                    : "a similar past incident (matched on " + hit.why() + ")";
            var advice = new Advice(Advice.PAST_INCIDENT, "As in " + hit.id() + ": " + hit.title(),
                    List.of(hit.resolution()), List.of(), hit.links(), why);
            (sameCause == null ? others : sameCause.contains("kind of fault") ? sameFault : sameEntity).add(advice);
        }
        sameFault.addAll(sameEntity);
        sameFault.addAll(others);
        return sameFault;
    }

    private static String sameCause(Candidate top, SimilarHit hit) {
        if (top.faultType() != null && hit.faultType() != null && top.faultType().equalsIgnoreCase(hit.faultType())) {
            return "its root cause was the same kind of fault (" + hit.faultType() + ")";
        }
        if (hit.rootCause() != null && hit.rootCause().toLowerCase(Locale.ROOT).equals(top.name().toLowerCase(Locale.ROOT))) {
            return "its root cause was the same entity (" + top.name() + ")";
        }
        return null;
    }
}
