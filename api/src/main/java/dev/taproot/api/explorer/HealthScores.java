package dev.taproot.api.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.ranking.RankingSettings;
import dev.taproot.rules.ranking.SignalStrength;

/**
 * A health score from 0 to 100 per service, from the signals active on it (and on the workloads and
 * pods it stands for) at a time, with the reasons that lowered it. Signals are weighed exactly as the
 * root-cause ranking weighs them as a candidate's own evidence ({@link SignalStrength#weighted}: its
 * anomaly score or severity, full weight for faults, less for symptoms that travel between services),
 * and combined as independent chances that something is wrong: {@code 100 * prod(1 - w)}. So a
 * crash-looping service the analysis names as the cause reads unhealthy, never healthy, at the same
 * instant. A recent change costs a little; an open incident that affects the service costs more.
 */
public final class HealthScores {

    /** How far back a signal still counts as current. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    static final int CHANGE_PENALTY = 5;
    static final int INCIDENT_PENALTY = 25;
    static final int MAX_RELATIONSHIPS = 500_000;
    static final int MAX_INCIDENTS = 2_000;

    private final GraphReads store;
    private final Vocabulary vocabulary;
    private final SignalStrength strength;

    /** One reason a score is below 100. */
    public record Reason(int points, String reason, String entity) {
    }

    /** One service's score at instant {@code at}. */
    public record Score(String key, String name, int score, String status, List<Reason> reasons, Instant at) {
    }

    /** Health weighed as the ranking with {@code settings} weighs a candidate's own signals. */
    public HealthScores(GraphReads store, Vocabulary vocabulary, RankingSettings settings) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.strength = new SignalStrength(vocabulary, settings);
    }

    /** Scores for every service (up to {@code limit}), worst first; a handful of store reads in all. */
    public List<Score> all(Instant at, Duration window, int limit) {
        List<Score> scores = score(store.entities(EntityTypes.SERVICE, limit), at, window);
        var sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingInt(Score::score).thenComparing(Score::name));
        return sorted;
    }

    /** The score of one entity (normally a service). */
    public Score of(Entity service, Instant at, Duration window) {
        return score(List.of(service), at, window).get(0);
    }

    /** The scores of several entities, in their order, from one read of the store (the explorer's graph colours). */
    public List<Score> of(List<Entity> entities, Instant at, Duration window) {
        return entities.isEmpty() ? List.of() : score(entities, at, window);
    }

    private List<Score> score(List<Entity> services, Instant at, Duration window) {
        Map<String, List<String>> downward = new HashMap<>();
        for (Relationship r : store.relationships(List.of(RelationshipTypes.SELECTS, RelationshipTypes.OWNS), MAX_RELATIONSHIPS)) {
            downward.computeIfAbsent(r.fromKey(), k -> new ArrayList<>()).add(r.toKey());
        }
        Map<String, Set<String>> related = new HashMap<>();
        var allKeys = new LinkedHashSet<String>();
        for (Entity service : services) {
            var keys = new LinkedHashSet<String>();
            keys.add(service.key());
            for (int hop = 0; hop < 2; hop++) {
                for (String k : List.copyOf(keys)) {
                    keys.addAll(downward.getOrDefault(k, List.of()));
                }
            }
            related.put(service.key(), keys);
            allKeys.addAll(keys);
        }
        Map<String, List<Signal>> byEntity = new HashMap<>();
        for (Signal s : store.signals(allKeys, at.minus(window), at)) {
            byEntity.computeIfAbsent(s.entityKey(), k -> new ArrayList<>()).add(s);
        }
        List<Incident> incidents = store.incidents(MAX_INCIDENTS);
        var scores = new ArrayList<Score>();
        for (Entity service : services) {
            var signals = new ArrayList<Signal>();
            related.get(service.key()).forEach(k -> signals.addAll(byEntity.getOrDefault(k, List.of())));
            scores.add(score(service, signals, incidents, at, window));
        }
        return scores;
    }

    private Score score(Entity service, List<Signal> signals, List<Incident> incidents, Instant at, Duration window) {
        var reasons = new ArrayList<Reason>();
        var seen = new LinkedHashSet<String>();
        double healthy = 1.0;
        int fixed = 0;
        for (Signal s : signals) {
            if (s.end() != null && s.end().isBefore(at.minus(window))) {
                continue;
            }
            if (!seen.add(s.type() + "|" + s.name() + "|" + s.entityKey())) {
                continue;
            }
            boolean change = vocabulary.knows(s.type()) && vocabulary.isA(s.type(), "Change");
            double weight = change ? 0 : strength.weighted(s);
            int points = change ? CHANGE_PENALTY : (int) Math.round(100 * weight);
            fixed += change ? CHANGE_PENALTY : 0;
            healthy *= 1 - weight;
            if (points > 0) {
                reasons.add(new Reason(points, (change ? "recent change " : s.severity().name().toLowerCase(java.util.Locale.ROOT) + " ")
                        + s.type() + (s.name().equals(s.type()) ? "" : " (" + s.name() + ")"), s.entityKey()));
            }
        }
        for (Incident i : incidents) {
            boolean open = i.started() != null && !i.started().isAfter(at) && (i.resolved() == null || i.resolved().isAfter(at));
            boolean concerns = i.affected().stream().anyMatch(a -> a.equalsIgnoreCase(service.key()) || a.equalsIgnoreCase(service.name()))
                    || service.name().equalsIgnoreCase(i.rootCause()) || service.key().equals(i.rootCause());
            if (open && concerns) {
                reasons.add(new Reason(INCIDENT_PENALTY, "open incident " + i.id() + ": " + i.title(), service.key()));
                fixed += INCIDENT_PENALTY;
            }
        }
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        int score = Math.max(0, (int) Math.round(100 * healthy) - fixed);
        String status = score >= 80 ? "healthy" : score >= 50 ? "degraded" : "unhealthy";
        return new Score(service.key(), service.name(), score, status, reasons, at);
    }

}
