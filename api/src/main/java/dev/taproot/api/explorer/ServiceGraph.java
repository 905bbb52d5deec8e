package dev.taproot.api.explorer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.TopologyReads;

/**
 * The explorer's drawing of the graph: one node per logical service, its workloads (the Deployments,
 * ReplicaSets and pods it selects or owns, as {@link Related} reads them) folded into it, every node
 * with its health from {@link HealthScores} at the same instant, and each edge saying which end
 * depends on the other ({@link DependencyDirection}) so the page can lay dependencies out below their
 * dependents.
 */
public final class ServiceGraph {

    /** Deepest folded neighbourhood the explorer draws. */
    public static final int MAX_DEPTH = 2;
    /** Most workloads listed per folded node. */
    static final int MAX_MEMBERS = 50;
    static final int MAX_OWNERSHIP = 500_000;

    private final TopologyReads store;
    private final HealthScores health;

    /** A workload or pod folded into a node. */
    public record Member(String key, String type, String name) {
    }

    /** A drawn node: a service with its members, or an entity that belongs to no service. */
    public record Node(String key, String type, String name, int depth, int score, String status, List<String> reasons,
                       List<Member> members) {
    }

    /**
     * A drawn edge between two nodes.
     *
     * @param dependent the key of the end that depends on the other, or null when the type carries no dependency
     */
    public record Edge(String type, String from, String to, String dependent) {
    }

    /** What the page draws, read as of {@code at}. */
    public record View(String root, Instant at, List<Node> nodes, List<Edge> edges, boolean truncated) {
    }

    public ServiceGraph(TopologyReads store, HealthScores health) {
        this.store = store;
        this.health = health;
    }

    /** The folded neighbourhood of {@code key} within {@code depth} service-level hops, as of {@code at}. */
    public View around(String key, int depth, Instant at, Duration window) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", was " + depth);
        }
        Map<String, String> owner = owners(at);
        // two more raw hops: a service reaches its neighbours through the pods it folds in
        Subgraph sub = store.neighbourhood(key, depth + 2, at);
        Map<String, Entity> byKey = new HashMap<>(sub.entitiesByKey());
        store.entity(key).ifPresent(e -> byKey.putIfAbsent(key, e));
        String root = representative(key, owner, byKey);
        var edges = new LinkedHashMap<String, Edge>();
        var adjacency = new HashMap<String, TreeSet<String>>();
        sub.relationships().stream().sorted(Comparator.comparing(Relationship::identity)).forEach(r -> {
            String from = representative(r.fromKey(), owner, byKey);
            String to = representative(r.toKey(), owner, byKey);
            if (from.equals(to) || !byKey.containsKey(from) || !byKey.containsKey(to)) {
                return;
            }
            String dependent = DependencyDirection.dependent(r);
            String dep = dependent == null ? null : representative(dependent, owner, byKey);
            edges.putIfAbsent(r.type() + "|" + from + "|" + to, new Edge(r.type(), from, to, dep));
            adjacency.computeIfAbsent(from, x -> new TreeSet<>()).add(to);
            adjacency.computeIfAbsent(to, x -> new TreeSet<>()).add(from);
        });
        Map<String, Integer> distance = dev.taproot.graph.model.Hops.from(root, depth,
                k -> adjacency.getOrDefault(k, new TreeSet<>()));
        var members = new TreeMap<String, List<Member>>();
        List.copyOf(byKey.values()).stream().sorted(Comparator.comparing(Entity::key)).forEach(e -> {
            String rep = representative(e.key(), owner, byKey);
            if (!rep.equals(e.key()) && distance.containsKey(rep)) {
                var list = members.computeIfAbsent(rep, x -> new ArrayList<>());
                if (list.size() < MAX_MEMBERS) {
                    list.add(new Member(e.key(), e.type(), e.name()));
                }
            }
        });
        List<Entity> drawn = distance.keySet().stream().map(byKey::get).toList();
        var scores = health.of(drawn, at, window);
        var nodes = new ArrayList<Node>();
        for (int i = 0; i < drawn.size(); i++) {
            Entity e = drawn.get(i);
            var s = scores.get(i);
            nodes.add(new Node(e.key(), e.type(), e.name(), distance.get(e.key()), s.score(), s.status(),
                    s.reasons().stream().limit(3).map(HealthScores.Reason::reason).toList(), members.getOrDefault(e.key(), List.of())));
        }
        var kept = edges.values().stream().filter(e -> distance.containsKey(e.from()) && distance.containsKey(e.to())).toList();
        return new View(root, at, nodes, kept, sub.entities().size() >= SubgraphQuery.DEFAULT_MAX_ENTITIES);
    }

    /**
     * A view read elsewhere ({@link GraphViews#paths}, {@link GraphViews#blastRadius}) folded the same
     * way: each entity drawn as its service, edges between distinct drawn nodes, health at {@code at}.
     */
    public View fold(GraphView raw, Instant at, Duration window) {
        Map<String, String> owner = owners(at);
        Map<String, Entity> byKey = new HashMap<>();
        var depth = new LinkedHashMap<String, Integer>();
        for (GraphView.Node n : raw.nodes()) {
            byKey.put(n.key(), Entity.of(n.key(), n.type(), n.name()));
        }
        for (GraphView.Node n : raw.nodes()) {
            depth.merge(representative(n.key(), owner, byKey), n.depth(), Math::min);
        }
        var edges = new LinkedHashMap<String, Edge>();
        for (GraphView.Edge e : raw.edges()) {
            String from = representative(e.from(), owner, byKey);
            String to = representative(e.to(), owner, byKey);
            if (!from.equals(to) && depth.containsKey(from) && depth.containsKey(to)) {
                var r = Relationship.of(e.type(), e.from(), e.to());
                String dependent = DependencyDirection.dependent(r);
                edges.putIfAbsent(e.type() + "|" + from + "|" + to, new Edge(e.type(), from, to,
                        dependent == null ? null : representative(dependent, owner, byKey)));
            }
        }
        List<Entity> drawn = depth.keySet().stream().map(byKey::get).toList();
        var scores = health.of(drawn, at, window);
        var nodes = new ArrayList<Node>();
        for (int i = 0; i < drawn.size(); i++) {
            Entity e = drawn.get(i);
            var s = scores.get(i);
            nodes.add(new Node(e.key(), e.type(), e.name(), depth.get(e.key()), s.score(), s.status(),
                    s.reasons().stream().limit(3).map(HealthScores.Reason::reason).toList(), List.of()));
        }
        String root = raw.root() == null ? null : representative(raw.root(), owner, byKey);
        return new View(root, at, nodes, List.copyOf(edges.values()), raw.truncated());
    }

    /** Child -> its selecting or owning parent, valid at {@code at}; the smallest parent key when several claim it. */
    private Map<String, String> owners(Instant at) {
        var owner = new HashMap<String, String>();
        for (Relationship r : store.relationships(List.of(RelationshipTypes.SELECTS, RelationshipTypes.OWNS), MAX_OWNERSHIP)) {
            if (at == null || r.validAt(at)) {
                owner.merge(r.toKey(), r.fromKey(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return owner;
    }

    /** Walks up to three ownership hops; keeps the entity itself unless a Service is reached. */
    private String representative(String key, Map<String, String> owner, Map<String, Entity> byKey) {
        String rep = key;
        for (int hop = 0; hop < 3 && owner.containsKey(rep); hop++) {
            rep = owner.get(rep);
            Entity e = byKey.get(rep);
            if (e == null) {
                e = store.entity(rep).orElse(null);
                if (e != null) {
                    byKey.put(rep, e);
                }
            }
            if (e != null && EntityTypes.SERVICE.equals(e.type())) {
                return rep;
            }
        }
        return key;
    }
}
