package dev.taproot.api.chatops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.taproot.api.explorer.EntitySearch;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.RootCauseEngine;

/**
 * Turns what a person typed after {@code why} into an analysis request and runs it: the text names
 * an entity (key, name, alias, or a close misspelling), an alert that fired, or neither (free text:
 * the engine picks the symptoms itself). The window ends now, or at {@code at <ISO time>} when the
 * text says so; when nothing happened around the symptom in the last window, it moves to the latest
 * activity there and says so.
 */
public final class Diagnoses {

    /** Analysed window length. */
    public static final Duration WINDOW = Duration.ofMinutes(30);
    /** How far back the latest activity is looked for. */
    public static final Duration LOOKBACK = Duration.ofDays(400);

    private final GraphStore store;
    private final EntitySearch search;
    private final RootCauseEngine engine;

    /** An analysis with how the symptom was understood. */
    public record Diagnosis(Analysis analysis, Entity symptom, String alert, String note) {
    }

    public Diagnoses(GraphStore store, EntitySearch search, RootCauseEngine engine) {
        this.store = store;
        this.search = search;
        this.engine = engine;
    }

    /** Analyses the symptom described by {@code text} (may end with {@code at <ISO-8601 time>}). */
    public Diagnosis diagnose(String text, Instant now) {
        TimedText t = TimedText.parse(text, now);
        Entity entity = null;
        String alert = null;
        if (!t.text().isBlank()) {
            var hits = search.search(t.text(), 1);
            if (!hits.isEmpty() && hits.get(0).score() >= 0.8) {
                entity = hits.get(0).entity();
            } else {
                Optional<Signal> fired = alertNamed(t.text(), t.at());
                if (fired.isPresent()) {
                    alert = fired.get().name();
                    entity = store.entity(fired.get().entityKey()).orElse(null);
                }
            }
        }
        Instant end = t.at();
        String note = "";
        if (!t.explicit()) {
            List<String> keys = entity == null ? List.of() : neighbourhood(entity.key());
            if (store.signals(keys, end.minus(WINDOW), end).isEmpty()) {
                Optional<Instant> latest = store.signals(keys, end.minus(LOOKBACK), end).stream().map(Signal::start)
                        .max(Comparator.naturalOrder());
                if (latest.isPresent()) {
                    end = latest.get().plus(Duration.ofMinutes(5));
                    note = "Nothing fired in the last " + WINDOW.toMinutes() + " minutes; analysing the latest activity, around "
                            + latest.get() + ".";
                }
            }
        }
        var request = new AnalysisRequest(entity == null ? List.of() : List.of(entity.key()), alert,
                t.text().isBlank() ? null : t.text(), end.minus(WINDOW), end, AnalysisRequest.DEFAULT_DEPTH,
                java.util.Set.of(), 5);
        return new Diagnosis(engine.analyze(request), entity, alert, note);
    }

    private List<String> neighbourhood(String key) {
        Subgraph sub = store.neighbourhood(key, 2, null);
        var keys = new ArrayList<String>();
        sub.entities().forEach(e -> keys.add(e.key()));
        return keys;
    }

    private Optional<Signal> alertNamed(String text, Instant at) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return store.signals(List.of(), at.minus(LOOKBACK), at).stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .max(Comparator.comparing(Signal::start));
    }

    /** Text with an optional trailing {@code at <ISO-8601 time>}. */
    record TimedText(String text, Instant at, boolean explicit) {
        static TimedText parse(String text, Instant now) {
            String t = text == null ? "" : text.strip();
            var m = java.util.regex.Pattern.compile("(?i)^(.*?)\\s*\\bat\\s+(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)$").matcher(t);
            if (m.matches()) {
                try {
                    return new TimedText(m.group(1).strip(), Instant.parse(m.group(2)), true);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + m.group(2) + "' is not an ISO-8601 UTC time");
                }
            }
            return new TimedText(t, now, false);
        }
    }
}
