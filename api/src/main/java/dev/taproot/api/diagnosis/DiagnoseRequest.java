package dev.taproot.api.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.taproot.rules.engine.AnalysisRequest;

/**
 * A question every surface asks the same way: what is wrong (entities, an alert, free text; any may
 * be absent) and when. With no {@code end} the question is about now, and when nothing happened
 * around the symptom in the last window the diagnosis moves to the latest activity there and says
 * so; an explicit end is taken as given.
 *
 * @param entities      entity keys, names or aliases (close misspellings are resolved)
 * @param alert         the name of an alert that fired (optional)
 * @param text          free text: a name, an alert, or a description (optional)
 * @param start         window start (null: {@link #DEFAULT_WINDOW} before the end)
 * @param end           window end (null: now)
 * @param depth         hops read around the symptom (0: the engine's default)
 * @param rules         rule ids to use (empty: every enabled rule)
 * @param maxCandidates ranked causes returned (0: the engine's default)
 */
public record DiagnoseRequest(List<String> entities, String alert, String text, Instant start, Instant end, int depth,
                              Set<String> rules, int maxCandidates) {

    /** The analysed window when the question gives only its end, or nothing. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);

    public DiagnoseRequest {
        entities = entities == null ? List.of() : entities.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        alert = blankToNull(alert);
        text = blankToNull(text);
        rules = rules == null ? Set.of() : Set.copyOf(rules);
        if (depth < 0 || depth > 6) {
            throw new IllegalArgumentException("depth must be between 1 and 6, was " + depth);
        }
        if (maxCandidates < 0) {
            throw new IllegalArgumentException("maxCandidates must be positive, was " + maxCandidates);
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("window end " + end + " is before its start " + start);
        }
    }

    /** A question about what {@code text} names (an entity, an alert or a description), now. */
    public static DiagnoseRequest about(String text) {
        return new DiagnoseRequest(List.of(), null, text, null, null, 0, Set.of(), 0);
    }

    /** A question about entities in an explicit window. */
    public static DiagnoseRequest of(List<String> entities, String alert, Instant start, Instant end) {
        return new DiagnoseRequest(entities, alert, null, start, end, 0, Set.of(), 0);
    }

    /** True when the question names its window's end (the window is then never moved). */
    public boolean explicitWindow() {
        return end != null;
    }

    /** This question with another window end. */
    public DiagnoseRequest at(Instant newEnd) {
        return new DiagnoseRequest(entities, alert, text, start, newEnd, depth, rules, maxCandidates);
    }

    int depthOrDefault() {
        return depth == 0 ? AnalysisRequest.DEFAULT_DEPTH : depth;
    }

    int maxCandidatesOrDefault() {
        return maxCandidates == 0 ? AnalysisRequest.DEFAULT_MAX_CANDIDATES : maxCandidates;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
