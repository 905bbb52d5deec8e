package dev.taproot.api.diagnosis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.taproot.api.explorer.EntitySearch;
import dev.taproot.api.explorer.GraphView;
import dev.taproot.api.explorer.GraphViews;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.search.SimilarHit;

/**
 * The product's use case: answers a {@link DiagnoseRequest} with one {@link Diagnosis}. Every surface
 * calls this one service, so the same question gets the same answer wherever it is asked. Steps:
 * read the question (resolve names, aliases and alerts through the entity directory), fix the window,
 * fetch live telemetry for it, run the engine, then add the blast radius of the most likely cause,
 * similar past incidents and what to do.
 */
public final class Diagnose {

    /** How far back the latest activity around a symptom is looked for when nothing fired in the last window. */
    public static final Duration LOOKBACK = Duration.ofDays(400);
    /** Similar past incidents returned. */
    public static final int SIMILAR = 3;
    /** Dependency hops followed for the blast radius. */
    public static final int BLAST_DEPTH = 4;
    /** Hops around the symptom whose telemetry is fetched and whose activity moves a "now" window. */
    static final int NEIGHBOURHOOD_HOPS = 2;
    /** A text is taken to name an entity only at this directory score or better (1 = exact name). */
    static final double NAMES_ENTITY = 0.8;

    private final GraphReads store;
    private final EntitySearch directory;
    private final RootCauseEngine engine;
    private final IncidentMemory memory;
    private final GraphViews views;
    private final LiveEvidence live;
    private final Remedies remedies;
    private final Clock clock;

    public Diagnose(GraphReads store, EntitySearch directory, RootCauseEngine engine, IncidentMemory memory,
                    GraphViews views, LiveEvidence live, Remedies remedies, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.engine = engine;
        this.memory = memory;
        this.views = views;
        this.live = live;
        this.remedies = remedies;
        this.clock = clock;
    }

    /** Answers the question. Bad questions (unknown depth, reversed window) throw {@link IllegalArgumentException}. */
    public Diagnosis diagnose(DiagnoseRequest request) {
        Instant asked = clock.instant();
        Reading reading = read(request);
        Instant end = request.explicitWindow() ? request.end() : asked;
        Instant start = request.start() != null ? request.start() : end.minus(DiagnoseRequest.DEFAULT_WINDOW);
        String note = "";
        var neighbourhoods = new HashMap<String, List<String>>();
        // the symptom's neighbourhood is needed only for live sources or to move a "now" window
        boolean needsAround = live.configured() || !request.explicitWindow();
        List<String> around = reading.symptom == null || !needsAround ? List.of()
                : neighbourhood(reading.symptom.key(), neighbourhoods);
        LiveEvidence.Fetched fetched = live.configured() ? live.gather(names(around), start, end) : LiveEvidence.Fetched.NOTHING;
        if (!request.explicitWindow() && store.signals(around, start, end).isEmpty()) {
            Optional<Instant> latest = store.signals(around, end.minus(LOOKBACK), end).stream().map(Signal::start)
                    .max(Comparator.naturalOrder());
            if (latest.isPresent()) {
                Duration length = Duration.between(start, end);
                end = latest.get().plus(Duration.ofMinutes(5));
                start = end.minus(length);
                note = "Nothing fired in the last " + length.toMinutes() + " minutes; analysing the latest activity, around "
                        + latest.get() + ".";
            }
        }
        var analysisRequest = new AnalysisRequest(reading.entities, reading.alert, request.text(), start, end,
                request.depthOrDefault(), request.rules(), request.maxCandidatesOrDefault());
        Analysis analysis = engine.analyze(analysisRequest);
        List<SimilarHit> similar = similar(analysis, request.text(), neighbourhoods);
        var understood = new Diagnosis.Understood(question(request), reading.symptom == null ? null : reading.symptom.key(),
                reading.symptom == null ? null : reading.symptom.name(), reading.alert, note);
        return new Diagnosis(UUID.randomUUID().toString(), asked, understood, analysis, blastRadius(analysis),
                similar, remedies.advise(analysis, similar), fetched);
    }

    /** The entities and alert a question names, resolved through the directory. */
    private Reading read(DiagnoseRequest request) {
        var entities = new ArrayList<String>();
        Entity symptom = null;
        for (String name : request.entities()) {
            Entity e = named(name);
            entities.add(e == null ? name : e.key());
            symptom = symptom == null ? e : symptom;
        }
        String alert = request.alert();
        if (alert != null && symptom == null) {
            Optional<Signal> fired = alertNamed(alert, request.end());
            if (fired.isPresent()) {
                symptom = store.entity(fired.get().entityKey()).orElse(null);
                if (symptom != null) {
                    entities.add(symptom.key());
                }
            }
        }
        if (request.text() != null && entities.isEmpty()) {
            symptom = named(request.text());
            if (symptom != null) {
                entities.add(symptom.key());
            } else {
                Optional<Signal> fired = alertNamed(request.text(), request.end());
                if (fired.isPresent()) {
                    alert = alert == null ? fired.get().name() : alert;
                    symptom = store.entity(fired.get().entityKey()).orElse(null);
                    if (symptom != null) {
                        entities.add(symptom.key());
                    }
                }
            }
        }
        return new Reading(List.copyOf(new LinkedHashSet<>(entities)), symptom, alert);
    }

    private record Reading(List<String> entities, Entity symptom, String alert) {
    }

    private Entity named(String text) {
        var hits = directory.search(text, 1);
        return !hits.isEmpty() && hits.get(0).score() >= NAMES_ENTITY ? hits.get(0).entity() : null;
    }

    private Optional<Signal> alertNamed(String name, Instant at) {
        Instant until = at == null ? clock.instant() : at;
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return store.signals(List.of(), until.minus(LOOKBACK), until).stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .max(Comparator.comparing(Signal::start));
    }

    /** The keys around {@code key}, read once per diagnosis ({@code known} holds those already read). */
    private List<String> neighbourhood(String key, Map<String, List<String>> known) {
        List<String> keys = known.get(key);
        if (keys == null) {
            keys = neighbourhood(key);
            known.put(key, keys);
        }
        return keys;
    }

    private List<String> neighbourhood(String key) {
        var keys = new ArrayList<String>();
        keys.add(key); // the symptom first: sources that are asked name by name cap how many they ask
        store.neighbourhoodKeys(key, NEIGHBOURHOOD_HOPS, null).forEach(k -> {
            if (!k.equals(key)) {
                keys.add(k);
            }
        });
        return keys;
    }

    private List<String> names(List<String> keys) {
        var out = new LinkedHashSet<String>();
        for (String k : keys) {
            store.entity(k).ifPresent(e -> out.add(e.name()));
        }
        return List.copyOf(out);
    }

    private List<SimilarHit> similar(Analysis analysis, String text, Map<String, List<String>> neighbourhoods) {
        // the signals around the symptoms and the leading causes (their pods and workloads included)
        var keys = new LinkedHashSet<String>();
        analysis.symptoms().forEach(s -> keys.addAll(neighbourhood(s.entityKey(), neighbourhoods)));
        analysis.candidates().stream().limit(FailureQueries.CANDIDATES_USED)
                .forEach(c -> keys.addAll(neighbourhood(c.entityKey(), neighbourhoods)));
        List<Signal> signals = keys.isEmpty() ? List.of()
                : store.signals(List.copyOf(keys), analysis.windowStart(), analysis.windowEnd());
        var query = FailureQueries.from(analysis, signals, text, SIMILAR);
        return query.isEmpty() ? List.of() : memory.similar(query);
    }

    private List<Diagnosis.Affected> blastRadius(Analysis analysis) {
        Candidate top = analysis.top();
        if (top == null) {
            return List.of();
        }
        GraphView view = views.blastRadius(top.entityKey(), BLAST_DEPTH, analysis.windowEnd());
        return view.nodes().stream().filter(n -> n.depth() > 0)
                .sorted(Comparator.comparingInt(GraphView.Node::depth).thenComparing(GraphView.Node::name))
                .map(n -> new Diagnosis.Affected(n.key(), n.name(), n.type(), n.depth())).toList();
    }

    private static String question(DiagnoseRequest r) {
        var parts = new ArrayList<String>();
        if (!r.entities().isEmpty()) {
            parts.add(String.join(", ", r.entities()));
        }
        if (r.alert() != null) {
            parts.add("alert " + r.alert());
        }
        if (r.text() != null) {
            parts.add("\"" + r.text() + "\"");
        }
        return parts.isEmpty() ? "what is wrong?" : "why " + String.join(" / ", parts) + "?";
    }
}
