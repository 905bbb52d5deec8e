package dev.taproot.search.embed;

import java.util.ArrayList;
import java.util.List;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.SimilarQuery;

/** The text a sentence embedder reads for an incident and for a query. */
public final class IncidentText {

    private IncidentText() {
    }

    /** Title, description and resolution, one paragraph each. */
    public static String of(Incident i) {
        var parts = new ArrayList<String>();
        parts.add(i.title());
        parts.add(i.description());
        if (i.resolution() != null) {
            parts.add(i.resolution());
        }
        return join(parts);
    }

    /**
     * The query's free text followed by what else reads as language: alert names, fault types
     * ({@code OOMKilled}, {@code cpu_contention} as words) and error signatures. Entity names are
     * left to the keyword matches.
     */
    public static String of(SimilarQuery q) {
        var parts = new ArrayList<String>();
        parts.add(q.text());
        parts.add(String.join(", ", q.alerts()));
        parts.add(String.join(", ", q.faultTypes().stream().map(f -> f.replace('_', ' ')).toList()));
        parts.addAll(q.signatures());
        return join(parts);
    }

    private static String join(List<String> parts) {
        return String.join("\n", parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList());
    }
}
