package dev.taproot.rules.ranking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * The kinds of symptom a free-text symptom names ("checkout latency is high", "availability dropped"), as
 * vocabulary types. The ranking then explains those signals of the symptom entity, not whatever else
 * moved on it. No family named: every signal is the symptom.
 *
 * @param types vocabulary types of the named symptoms (empty: all)
 */
public record SymptomFamilies(Set<String> types) {

    /** Words that name a family, and the vocabulary types of that family. */
    private record Family(Pattern words, List<String> types) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family(Pattern.compile("\\b(latenc\\w*|slow\\w*|response.?times?|duration|delay\\w*|timeouts?)\\b"),
                    List.of("HighLatency")),
            new Family(Pattern.compile("\\b(errors?|fail\\w*|availab\\w*|unavailab\\w*|success\\w*|5xx|exceptions?|down|outage)\\b"),
                    List.of("ErrorRate", "Unavailable", "ApplicationError")),
            new Family(Pattern.compile("\\b(traffic|throughput|requests?|load)\\b"),
                    List.of("TrafficDrop", "TrafficSurge", "TrafficAnomaly")));

    public static final SymptomFamilies ALL = new SymptomFamilies(Set.of());

    public SymptomFamilies {
        types = Set.copyOf(types);
    }

    /** The families a symptom text names; {@link #ALL} for null, blank or none. */
    public static SymptomFamilies of(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String t = text.toLowerCase(Locale.ROOT);
        var out = new LinkedHashSet<String>();
        for (Family f : FAMILIES) {
            if (f.words().matcher(t).find()) {
                out.addAll(f.types());
            }
        }
        return new SymptomFamilies(out);
    }

    /** Whether a signal is one of the named symptoms (always, when none is named). */
    public boolean includes(Signal s, Vocabulary vocabulary) {
        return types.isEmpty() || types.stream().anyMatch(t -> vocabulary.isA(s.type(), t));
    }
}
