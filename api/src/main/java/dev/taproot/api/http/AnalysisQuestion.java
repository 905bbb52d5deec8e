package dev.taproot.api.http;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.taproot.api.diagnosis.DiagnoseRequest;

/**
 * The body of {@code POST /api/v1/analyses}, as it is on the wire. Every field may be absent: with no
 * symptom the engine infers one, with no window the question is about now. The handler accepts
 * exactly these fields ({@link JsonFields#of}) and the OpenAPI schema is generated from this record, so
 * the two cannot disagree.
 *
 * @param symptom       what is wrong
 * @param window        when
 * @param rules         rule ids to use (absent or empty: every enabled rule)
 * @param depth         hops read around the symptom, 1-6 (absent: the engine's default)
 * @param maxCandidates ranked causes returned (absent: the engine's default)
 */
public record AnalysisQuestion(Symptom symptom, Window window, List<String> rules, Integer depth, Integer maxCandidates) {

    /**
     * What is wrong; any part may be absent.
     *
     * @param entities entity keys, names or aliases (close misspellings are resolved)
     * @param alert    the name of an alert that fired
     * @param text     free text: a name, an alert, or a description
     */
    public record Symptom(List<String> entities, String alert, String text) {
    }

    /**
     * The analysed window, ISO-8601 UTC times.
     *
     * @param start window start (absent: 30 minutes before the end)
     * @param end   window end (absent: now, moved to the latest activity around the symptom when
     *              nothing fired lately)
     */
    public record Window(Instant start, Instant end) {
    }

    /** The question the diagnosis service answers. */
    DiagnoseRequest toDiagnoseRequest() {
        Symptom s = symptom != null ? symptom : new Symptom(null, null, null);
        Window w = window != null ? window : new Window(null, null);
        return new DiagnoseRequest(s.entities(), s.alert(), s.text(), w.start(), w.end(),
                depth == null ? 0 : depth, rules == null ? Set.of() : new LinkedHashSet<>(rules),
                maxCandidates == null ? 0 : maxCandidates);
    }
}
