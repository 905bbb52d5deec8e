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
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * A health score from 0 to 100 per service, from the signals active on it (and on the workloads and
 * pods it stands for) at a time, with the reasons that lowered it. Each distinct signal costs points
 * by severity; a recent change costs a little; an open incident that affects the service costs more.
 */
public final class HealthScores {

    /** How far back a signal still counts as current. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    static final Map<String, Integer> PENALTY = Map.of("CRITICAL", 35, "ERROR", 20, "WARNING", 10, "INFO", 0);
    static final int CHANGE_PENALTY = 5;
    static final int INCIDENT_PENALTY = 25;
    static final int MAX_RELATIONSHIPS = 500_000;
    static final int MAX_INCIDENTS = 2_000;

    private final GraphStore store;
    private final Vocabulary vocabulary;

    /** One reason a score is below 100. */
    public record Reason(int points, String reason, String entity) {
    }

    /** One service's score. */
    public record Score(String key, String name, int score, String status, List<Reason> reasons) {
    }

    public HealthScores(GraphStore store, Vocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
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
        for (Signal s : signals) {
            if (s.end() != null && s.end().isBefore(at.minus(window))) {
                continue;
            }
            boolean change = vocabulary.knows(s.type()) && vocabulary.isA(s.type(), "Change");
            if (!seen.add(s.type() + "|" + s.name() + "|" + s.entityKey())) {
                continue;
            }
            int points = change ? CHANGE_PENALTY : PENALTY.getOrDefault(s.severity().name(), 10);
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
            }
        }
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        int score = Math.max(0, 100 - reasons.stream().mapToInt(Reason::points).sum());
        String status = score >= 80 ? "healthy" : score >= 50 ? "degraded" : "unhealthy";
        return new Score(service.key(), service.name(), score, status, reasons);
    }

}
