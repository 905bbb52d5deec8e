package dev.taproot.api.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.store.GraphReads;

/**
 * What the explorer's side panel shows for one node at one instant, assembled from the views that
 * already answer each part: its properties, the workloads folded into it ({@link Related}), its health
 * with reasons ({@link HealthScores}), its current signals and recent changes ({@link Timeline}), its
 * incidents, and its blast radius ({@link GraphViews#blastRadius}).
 */
public final class NodeDetails {

    /** How far back a change still counts as recent. */
    public static final Duration DEFAULT_CHANGES = Duration.ofHours(24);
    static final int MAX_INCIDENTS = 20;
    static final int MAX_MEMBERS = 50;
    static final int BLAST_DEPTH = 4;

    private final GraphReads store;
    private final Timeline timeline;
    private final HealthScores health;
    private final GraphViews views;

    /** An incident as the panel lists it; {@code open} at the instant asked. */
    public record IncidentLine(String id, String title, String severity, Instant started, Instant resolved, boolean open,
                               String rootCause, String resolution) {
        static IncidentLine of(Incident i, Instant at) {
            boolean open = i.resolved() == null || i.resolved().isAfter(at);
            return new IncidentLine(i.id(), i.title(), i.severity(), i.started(), i.resolved(), open, i.rootCause(), i.resolution());
        }
    }

    /** The panel's content. */
    public record Details(String key, String type, String name, Set<String> aliases, Map<String, Object> properties,
                          Instant at, HealthScores.Score health, List<ServiceGraph.Member> members,
                          List<Timeline.Event> signals, List<Timeline.Event> changes, List<IncidentLine> incidents,
                          List<GraphView.Node> blastRadius) {
    }

    public NodeDetails(GraphReads store, Timeline timeline, HealthScores health, GraphViews views) {
        this.store = store;
        this.timeline = timeline;
        this.health = health;
        this.views = views;
    }

    /** The panel for {@code e} at {@code at}: signals current within {@code window}, changes within {@code changes}. */
    public Details of(Entity e, Instant at, Duration window, Duration changes) {
        Instant since = at.minus(window.compareTo(changes) > 0 ? window : changes);
        var events = timeline.of(e, since, at);
        var signals = events.stream().filter(ev -> "signal".equals(ev.kind()) && !ev.time().isAfter(at)
                && (ev.end() == null || !ev.end().isBefore(at.minus(window)))).toList().reversed();
        var recent = events.stream().filter(ev -> "change".equals(ev.kind()) && !ev.time().isAfter(at)
                && !ev.time().isBefore(at.minus(changes))).toList().reversed();
        var members = Related.keysOf(store, e.key(), at).stream().filter(k -> !k.equals(e.key())).limit(MAX_MEMBERS)
                .map(store::entity).flatMap(Optional::stream).map(m -> new ServiceGraph.Member(m.key(), m.type(), m.name())).toList();
        var incidents = store.incidentsOf(e.key(), null, at.plusMillis(1), MAX_INCIDENTS * 5).stream()
                .filter(i -> i.started() != null && !i.started().isAfter(at))
                .sorted(Comparator.comparing(Incident::started).reversed()).limit(MAX_INCIDENTS)
                .map(i -> IncidentLine.of(i, at)).toList();
        var blast = views.blastRadius(e.key(), BLAST_DEPTH, at).nodes().stream().filter(n -> !n.key().equals(e.key())).toList();
        return new Details(e.key(), e.type(), e.name(), e.aliases(), e.properties(), at, health.of(e, at, window), members,
                signals, recent, incidents, blast);
    }
}
