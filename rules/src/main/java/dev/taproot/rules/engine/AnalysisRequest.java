package dev.taproot.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to analyse: the symptom (entity keys or names, an alert name, free text) and the window.
 *
 * @param symptomEntities entity keys or names the symptom is about (empty: the engine finds symptoms itself)
 * @param alert           an alert name that fired (optional)
 * @param text            free text describing the symptom (optional)
 * @param windowStart     start of the analysed window
 * @param windowEnd       end of the analysed window
 * @param depth           how many hops around the symptom to read (1..6)
 * @param ruleIds         the rules to use (empty: every enabled rule)
 * @param maxCandidates   how many ranked candidates to return
 */
public record AnalysisRequest(List<String> symptomEntities, String alert, String text, Instant windowStart,
                              Instant windowEnd, int depth, Set<String> ruleIds, int maxCandidates) {

    public static final int DEFAULT_DEPTH = 3;
    public static final int DEFAULT_MAX_CANDIDATES = 10;
    /** How far before the window start changes and slow-building faults are still read. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(30);

    public AnalysisRequest {
        symptomEntities = symptomEntities == null ? List.of() : List.copyOf(symptomEntities);
        ruleIds = ruleIds == null ? Set.of() : Set.copyOf(ruleIds);
        Objects.requireNonNull(windowStart, "window start is required");
        Objects.requireNonNull(windowEnd, "window end is required");
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("window end " + windowEnd + " is before its start " + windowStart);
        }
        depth = depth <= 0 ? DEFAULT_DEPTH : depth;
        if (depth > 6) {
            throw new IllegalArgumentException("depth must be between 1 and 6, was " + depth);
        }
        maxCandidates = maxCandidates <= 0 ? DEFAULT_MAX_CANDIDATES : maxCandidates;
    }

    /** A request about the given entities in a window, with defaults for the rest. */
    public static AnalysisRequest of(List<String> symptomEntities, Instant windowStart, Instant windowEnd) {
        return new AnalysisRequest(symptomEntities, null, null, windowStart, windowEnd, DEFAULT_DEPTH, Set.of(),
                DEFAULT_MAX_CANDIDATES);
    }

    /** This request with another depth. */
    public AnalysisRequest withDepth(int newDepth) {
        return new AnalysisRequest(symptomEntities, alert, text, windowStart, windowEnd, newDepth, ruleIds, maxCandidates);
    }

    /** This request restricted to the given rules. */
    public AnalysisRequest withRules(Set<String> ids) {
        return new AnalysisRequest(symptomEntities, alert, text, windowStart, windowEnd, depth, ids, maxCandidates);
    }
}
