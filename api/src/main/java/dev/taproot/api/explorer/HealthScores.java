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

    /** Scores for every service (up to {@code limit}), worst first. */
    public List<Score> all(Instant at, Duration window, int limit) {
        var scores = new ArrayList<Score>();
        for (Entity service : store.entities(EntityTypes.SERVICE, limit)) {
            scores.add(of(service, at, window));
        }
        scores.sort(Comparator.comparingInt(Score::score).thenComparing(Score::name));
        return scores;
    }

    /** The score of one entity (normally a service). */
    public Score of(Entity service, Instant at, Duration window) {
        Set<String> keys = Related.keysOf(store, service.key(), at);
        var reasons = new ArrayList<Reason>();
        var seen = new LinkedHashSet<String>();
        for (Signal s : store.signals(keys, at.minus(window), at)) {
            if (s.end() != null && s.end().isBefore(at.minus(window))) {
                continue;
            }
            boolean change = vocabulary.knows(s.type()) && vocabulary.isA(s.type(), "Change");
            String identity = s.type() + "|" + s.name() + "|" + s.entityKey();
            if (!seen.add(identity)) {
                continue;
            }
            int points = change ? CHANGE_PENALTY : PENALTY.getOrDefault(s.severity().name(), 10);
            if (points > 0) {
                reasons.add(new Reason(points, (change ? "recent change " : s.severity().name().toLowerCase() + " ")
                        + s.type() + (s.name().equals(s.type()) ? "" : " (" + s.name() + ")"), s.entityKey()));
            }
        }
        for (Incident i : store.incidentsOf(service.key())) {
            boolean open = i.started() != null && !i.started().isAfter(at) && (i.resolved() == null || i.resolved().isAfter(at));
            if (open) {
                reasons.add(new Reason(INCIDENT_PENALTY, "open incident " + i.id() + ": " + i.title(), service.key()));
            }
        }
        reasons.sort(Comparator.comparingInt(Reason::points).reversed());
        int score = Math.max(0, 100 - reasons.stream().mapToInt(Reason::points).sum());
        String status = score >= 80 ? "healthy" : score >= 50 ? "degraded" : "unhealthy";
        return new Score(service.key(), service.name(), score, status, reasons);
    }

    static Map<String, Integer> penalties() {
        return new HashMap<>(PENALTY);
    }
}
