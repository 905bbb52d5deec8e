package dev.taproot.api.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphStore;

/**
 * Where actions wait for a person. {@link #propose} runs the server-side dry run and keeps the
 * proposal; only {@link #approve} runs it, and only the caller's route decides who may (the admin
 * role). Nothing here runs on its own. A run is recorded in the graph as a change on the object it
 * touched, with who proposed and approved it, why, and the diagnosis and incident it answers.
 * Proposals not decided within the time to live expire. The desk keeps the latest
 * {@link #KEPT} proposals in memory; a restart forgets undecided ones (they must be proposed again),
 * which is the safe side.
 */
public final class ActionDesk {

    /** Proposals kept in memory, oldest dropped first. */
    public static final int KEPT = 500;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    static final String SOURCE = "taproot-actions";

    /** Where a proposal stands. */
    public enum State { PROPOSED, EXECUTED, REJECTED, FAILED, EXPIRED }

    /**
     * One proposal and what became of it.
     *
     * @param dryRun  what the API server said the action would change
     * @param result  what it changed when run (empty until then)
     * @param error   why running it failed, or null
     * @param change  the key of the change recorded in the graph, or null
     */
    public record Action(String id, ActionKind kind, String namespace, String target, Integer replicas, String reason,
                         String diagnosis, String incident, String command, List<String> dryRun, String proposedBy,
                         Instant proposedAt, Instant expiresAt, State state, String decidedBy, Instant decidedAt,
                         List<String> result, String error, String change) {

        public Action {
            dryRun = List.copyOf(dryRun);
            result = List.copyOf(result);
        }

        ActionRequest request() {
            return new ActionRequest(kind, namespace, target, replicas, reason, diagnosis, incident);
        }

        Action decided(State s, String by, Instant at, List<String> res, String err, String changeKey) {
            return new Action(id, kind, namespace, target, replicas, reason, diagnosis, incident, command, dryRun, proposedBy,
                    proposedAt, expiresAt, s, by, at, res, err, changeKey);
        }
    }

    private final KubernetesActions cluster;
    private final GraphStore store;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Action> actions = new LinkedHashMap<>();

    /** @param cluster the cluster to act on, or null when actions are not configured */
    public ActionDesk(KubernetesActions cluster, GraphStore store, Duration ttl, Clock clock) {
        this.cluster = cluster;
        this.store = store;
        this.ttl = ttl == null ? DEFAULT_TTL : ttl;
        this.clock = clock;
    }

    /** Whether a cluster is configured to act on. */
    public boolean enabled() {
        return cluster != null;
    }

    /** Dry-runs {@code r} on the cluster and keeps it as a proposal awaiting approval. */
    public Action propose(ActionRequest asked, String by) {
        requireEnabled();
        ActionRequest r = cluster.resolve(asked);
        if (r.incident() != null && store.incident(r.incident()).isEmpty()) {
            throw new ActionException(404, "no incident with id '" + r.incident() + "'");
        }
        Instant now = clock.instant();
        List<String> dryRun = cluster.apply(r, true, now);
        var a = new Action(UUID.randomUUID().toString(), r.kind(), r.namespace(), r.target(), r.replicas(), r.reason(),
                r.diagnosis(), r.incident(), r.kubectl(), dryRun, by, now, now.plus(ttl), State.PROPOSED, null, null,
                List.of(), null, null);
        synchronized (actions) {
            actions.put(a.id(), a);
            while (actions.size() > KEPT) {
                actions.remove(actions.keySet().iterator().next());
            }
        }
        return a;
    }

    /** Runs a proposal. The caller has checked that {@code by} may approve (admin). */
    public Action approve(String id, String by) {
        requireEnabled();
        Action a = undecided(id);
        Instant now = clock.instant();
        List<String> result;
        try {
            result = cluster.apply(a.request(), false, now);
        } catch (ActionException e) {
            store(a.decided(State.FAILED, by, now, List.of(), e.getMessage(), null));
            throw e;
        }
        String key = "change/action-" + a.id();
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("action", a.kind().id());
        attrs.put("command", a.command());
        attrs.put("reason", a.reason());
        attrs.put("proposedBy", a.proposedBy());
        attrs.put("approvedBy", by);
        attrs.put("changes", String.join("; ", result));
        if (a.diagnosis() != null) {
            attrs.put("diagnosis", a.diagnosis());
        }
        if (a.incident() != null) {
            attrs.put("incident", a.incident());
        }
        String target = targetKey(a);
        var entities = store.entity(target).isPresent() ? List.<Entity>of()
                : List.of(Entity.of(target, a.kind().targetKind().equals("Node") ? "Node" : "Service", a.target()));
        store.write(new GraphBatch(entities, List.of(), List.of(new Signal(key, a.kind().changeType(), target,
                "taproot " + a.kind().id() + " " + a.target(), Severity.INFO, now, null, attrs, SOURCE)), List.of()));
        return store(a.decided(State.EXECUTED, by, now, result, null, key));
    }

    /** Declines a proposal; it can no longer run. */
    public Action reject(String id, String by) {
        Action a = undecided(id);
        return store(a.decided(State.REJECTED, by, clock.instant(), List.of(), null, null));
    }

    public Optional<Action> get(String id) {
        synchronized (actions) {
            Action a = actions.get(id);
            if (a != null && a.state() == State.PROPOSED && clock.instant().isAfter(a.expiresAt())) {
                a = a.decided(State.EXPIRED, null, a.expiresAt(), List.of(), null, null);
                actions.put(id, a);
            }
            return Optional.ofNullable(a);
        }
    }

    /** The latest proposals, newest first. */
    public List<Action> recent(int limit) {
        List<String> ids;
        synchronized (actions) {
            ids = new ArrayList<>(actions.keySet());
        }
        var out = new ArrayList<Action>();
        for (int i = ids.size() - 1; i >= 0 && out.size() < limit; i--) {
            get(ids.get(i)).ifPresent(out::add);
        }
        return out;
    }

    private Action undecided(String id) {
        Action a = get(id).orElseThrow(() -> new ActionException(404, "no proposed action with id '" + id + "'"));
        if (a.state() != State.PROPOSED) {
            throw new ActionException(409, "action " + id + " is " + a.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (a.decidedBy() == null ? "" : " (by " + a.decidedBy() + ")") + ": propose it again to run it");
        }
        return a;
    }

    private Action store(Action a) {
        synchronized (actions) {
            actions.put(a.id(), a);
        }
        return a;
    }

    private String targetKey(Action a) {
        if (a.kind().targetKind().equals("Node")) {
            return EntityKeys.k8sCluster("Node", a.target());
        }
        String deployment = EntityKeys.k8s(a.namespace(), "Deployment", a.target());
        return store.entity(deployment).isPresent() ? deployment : EntityKeys.service(a.target());
    }

    private void requireEnabled() {
        if (cluster == null) {
            throw new ActionException(503, "Kubernetes actions are not configured (actions.kubernetes.enabled in the configuration)");
        }
    }
}
