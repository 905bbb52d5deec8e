package dev.taproot.api.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.causal.Topology;

/**
 * Learns known-bad pairs from a confirmed cause that was a change. When someone confirms an entity as the
 * cause (with an incident, or of an analysis) and the fault type is a change, or is not given, the entity's
 * last change with a version in the {@link #CHANGE_LOOKBACK} before the incident started (or the feedback was
 * given) is taken as what broke it; the version it rolled out, next to what each unit it calls or that calls
 * it (or depends on it either way) ran at that moment, is recorded as a learned pair whose source is the
 * incident.
 */
final class PairLearner {

    /** How long before the incident a change may have happened to be taken as its cause. */
    static final Duration CHANGE_LOOKBACK = Duration.ofHours(6);
    /** How far around the cause its dependencies are read. */
    static final int HOPS = 2;

    /** What one confirmation taught: the pairs recorded, or why none was. */
    record Outcome(List<Compatibility.Pair> learned, String reason) {
        static Outcome none(String reason) {
            return new Outcome(List.of(), reason);
        }
    }

    private final GraphReads store;
    private final LearnedPairs learned;
    private final Vocabulary vocabulary;

    PairLearner(GraphReads store, LearnedPairs learned, Vocabulary vocabulary) {
        this.store = store;
        this.learned = learned;
        this.vocabulary = vocabulary;
    }

    Outcome learn(Feedback f) {
        if (f.kind() != Feedback.Kind.CAUSE_CONFIRMED) {
            return Outcome.none("not a confirmed cause");
        }
        Incident incident = f.incidentId() == null ? null : store.incident(f.incidentId()).orElse(null);
        String faultType = f.faultType() != null ? f.faultType() : incident == null ? null : incident.faultType();
        if (faultType != null && !vocabulary.isA(faultType, "Change")) {
            return Outcome.none("the confirmed fault type " + faultType + " is not a change");
        }
        Entity cause = resolve(f.cause()).orElse(null);
        if (cause == null) {
            return Outcome.none("no entity '" + f.cause() + "' in the graph");
        }
        Instant at = incident != null && incident.started() != null ? incident.started() : f.at();
        Subgraph graph = store.subgraph(new SubgraphQuery(Set.of(cause.key()), HOPS, at, at.minus(CHANGE_LOOKBACK), at,
                SubgraphQuery.DEFAULT_MAX_ENTITIES));
        var topology = new Topology(graph, vocabulary);
        String unit = topology.unit(cause.key());
        List<Signal> changes = graph.signals().stream().filter(s -> vocabulary.isA(s.type(), "Change"))
                .sorted(Comparator.comparing(Signal::start)).toList();
        Signal change = changes.stream()
                .filter(s -> topology.unit(s.entityKey()).equals(unit) && s.attributes().get("toVersion") != null
                        && !s.start().isAfter(at) && !s.start().isBefore(at.minus(CHANGE_LOOKBACK)))
                .max(Comparator.comparing(Signal::start)).orElse(null);
        if (change == null) {
            return Outcome.none("no change with a version on " + cause.name() + " in the " + CHANGE_LOOKBACK.toHours()
                    + " hours before " + at);
        }
        var versions = new RunningVersions(topology, changes, store, vocabulary);
        RunningVersions.Running mine = primary(versions.rolledOut(change), versions.name(unit));
        if (mine == null) {
            return Outcome.none("the change names no version");
        }
        String source = incident != null ? "incident " + incident.id()
                : f.analysisId() != null ? "analysis " + f.analysisId() : "feedback " + f.id();
        String note = "confirmed as the cause by " + f.by();
        var out = new ArrayList<Compatibility.Pair>();
        for (Map.Entry<String, String> n : versions.neighbours(unit).entrySet()) {
            RunningVersions.Running theirs = primary(versions.at(n.getKey(), change.start()), versions.name(n.getKey()));
            if (theirs != null) {
                out.add(learned.record(mine.name(), mine.version(), theirs.name(), theirs.version(), source, note, f.at()));
            }
        }
        return new Outcome(out, out.isEmpty() ? "no dependency of " + cause.name() + " has a known version" : "");
    }

    /** The version under the unit's own name, else the first one known. */
    private static RunningVersions.Running primary(List<RunningVersions.Running> running, String name) {
        return running.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElse(running.isEmpty() ? null : running.get(0));
    }

    private Optional<Entity> resolve(String cause) {
        Optional<Entity> byKey = store.entity(cause);
        if (byKey.isPresent()) {
            return byKey;
        }
        return store.findEntities(cause).stream()
                .min(Comparator.comparing((Entity e) -> !vocabulary.isA(e.type(), "Service")).thenComparing(Entity::key));
    }
}
