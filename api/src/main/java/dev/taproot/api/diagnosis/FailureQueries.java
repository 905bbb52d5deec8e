package dev.taproot.api.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.taproot.graph.model.Signal;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.search.SimilarQuery;

/**
 * Builds a similar-incident query from a failure: the symptom text, the alerts and signals seen, the
 * entities involved and the candidate causes with their fault types.
 */
public final class FailureQueries {

    /** How many top candidates feed the query (weaker ones add noise). */
    static final int CANDIDATES_USED = 3;

    private FailureQueries() {
    }

    /** A query describing this analysed failure; {@code signals} are the signals read in its window. */
    public static SimilarQuery from(Analysis analysis, List<Signal> signals, String text, int limit) {
        var services = new LinkedHashSet<String>();
        var causes = new LinkedHashSet<String>();
        var faultTypes = new LinkedHashSet<String>();
        var entityTypes = new LinkedHashSet<String>();
        var fingerprint = new LinkedHashSet<String>();
        analysis.symptoms().forEach(s -> {
            services.add(s.name());
            entityTypes.add(s.type());
        });
        List<Candidate> top = analysis.candidates().subList(0, Math.min(CANDIDATES_USED, analysis.candidates().size()));
        for (Candidate c : top) {
            services.add(c.name());
            causes.add(c.name());
            entityTypes.add(c.type());
            if (c.faultType() != null) {
                faultTypes.add(c.faultType());
            }
        }
        var alerts = new LinkedHashSet<String>();
        var words = new StringBuilder(text == null ? "" : text);
        for (Signal s : signals) {
            alerts.add(s.name());
            faultTypes.add(s.type());
            String summary = s.attributes().getOrDefault("summary", "").toString();
            if (!summary.isBlank()) {
                words.append(' ').append(summary);
            }
        }
        if (!top.isEmpty() && top.get(0).faultType() != null) {
            analysis.symptoms().forEach(s -> fingerprint.add(top.get(0).faultType() + ">" + s.type()));
        }
        return SimilarQuery.builder()
                .text(words.toString().trim())
                .services(new ArrayList<>(services))
                .alerts(new ArrayList<>(alerts))
                .faultTypes(new ArrayList<>(faultTypes))
                .entityTypes(new ArrayList<>(entityTypes))
                .candidateCauses(new ArrayList<>(causes))
                .fingerprint(new ArrayList<>(fingerprint))
                .limit(limit)
                .build();
    }
}
