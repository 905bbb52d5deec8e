package dev.taproot.api.explorer;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.store.TopologyReads;

/**
 * Graph explorer reads over the {@link TopologyReads} port: a filtered neighbourhood, the shortest paths
 * between two entities, and the blast radius of an entity (everything that depends on it).
 */
public final class GraphViews {

    /** Deepest neighbourhood the explorer reads. */
    public static final int MAX_DEPTH = 3;
    /** Longest path searched between two entities. */
    public static final int MAX_PATH_LENGTH = 6;
    /** Deepest blast radius. */
    public static final int MAX_BLAST_DEPTH = 6;

    private final TopologyReads store;

    public GraphViews(TopologyReads store) {
        this.store = store;
    }

    /**
     * Entities within {@code depth} hops of {@code key} over relationships of {@code relTypes} (all
     * when empty) valid at {@code asOf}, keeping entities of {@code entityTypes} (all when empty; the
     * root always).
     */
    public GraphView neighbourhood(String key, int depth, Set<String> entityTypes, Set<String> relTypes, Instant asOf) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", was " + depth);
        }
        Subgraph sub = store.neighbourhood(key, depth, asOf);
        List<Relationship> rels = sub.relationships().stream()
                .filter(r -> relTypes.isEmpty() || relTypes.contains(r.type())).toList();
        Map<String, Entity> byKey = sub.entitiesByKey();
        Map<String, Integer> distance = bfs(key, rels, depth, k -> {
            Entity e = byKey.get(k);
            return k.equals(key) || e != null && (entityTypes.isEmpty() || entityTypes.contains(e.type()));
        });
        return view(key, byKey, distance, rels, sub.entities().size() >= dev.taproot.graph.model.SubgraphQuery.DEFAULT_MAX_ENTITIES);
    }

    /** Up to {@code limit} shortest paths between two entities, ignoring direction. */
    public GraphView paths(String from, String to, int maxLength, int limit, Instant asOf) {
        if (maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("maxLength must be between 1 and " + MAX_PATH_LENGTH + ", was " + maxLength);
        }
        int reach = (maxLength + 1) / 2;
        Subgraph a = store.neighbourhood(from, Math.min(reach + 1, maxLength), asOf);
        Subgraph b = store.neighbourhood(to, Math.min(reach + 1, maxLength), asOf);
        var entities = new LinkedHashMap<String, Entity>(a.entitiesByKey());
        entities.putAll(b.entitiesByKey());
        var rels = new LinkedHashMap<String, Relationship>();
        a.relationships().forEach(r -> rels.put(r.identity(), r));
        b.relationships().forEach(r -> rels.put(r.identity(), r));
        Map<String, List<Relationship>> adjacency = adjacency(rels.values(), true);
        // BFS from 'from' recording every predecessor on a shortest path
        var dist = new HashMap<String, Integer>();
        var preds = new HashMap<String, List<Relationship>>();
        var queue = new ArrayDeque<String>();
        dist.put(from, 0);
        queue.add(from);
        while (!queue.isEmpty()) {
            String k = queue.poll();
            int d = dist.get(k);
            if (d >= maxLength || k.equals(to)) {
                continue;
            }
            for (Relationship r : adjacency.getOrDefault(k, List.of())) {
                String other = r.fromKey().equals(k) ? r.toKey() : r.fromKey();
                Integer od = dist.get(other);
                if (od == null) {
                    dist.put(other, d + 1);
                    queue.add(other);
                    preds.computeIfAbsent(other, x -> new ArrayList<>()).add(r);
                } else if (od == d + 1) {
                    preds.computeIfAbsent(other, x -> new ArrayList<>()).add(r);
                }
            }
        }
        var onPath = new LinkedHashMap<String, Integer>();
        var edges = new LinkedHashMap<String, Relationship>();
        int[] paths = {0};
        if (dist.containsKey(to)) {
            collect(to, from, preds, dist, onPath, edges, limit, paths);
        }
        onPath.put(from, 0);
        var nodes = new ArrayList<GraphView.Node>();
        onPath.forEach((k, d) -> {
            Entity e = entities.get(k);
            if (e != null) {
                nodes.add(GraphView.Node.of(e, dist.getOrDefault(k, d)));
            }
        });
        return new GraphView(from, nodes, edges.values().stream().map(GraphView.Edge::of).toList(), paths[0] >= limit);
    }

    private static void collect(String k, String from, Map<String, List<Relationship>> preds, Map<String, Integer> dist,
                                Map<String, Integer> onPath, Map<String, Relationship> edges, int limit, int[] paths) {
        onPath.put(k, dist.get(k));
        if (k.equals(from)) {
            paths[0]++;
            return;
        }
        for (Relationship r : preds.getOrDefault(k, List.of())) {
            if (paths[0] >= limit) {
                return;
            }
            edges.put(r.identity(), r);
            collect(r.fromKey().equals(k) ? r.toKey() : r.fromKey(), from, preds, dist, onPath, edges, limit, paths);
        }
    }

    /** Everything that depends on {@code key}, directly or through others, up to {@code depth} hops. */
    public GraphView blastRadius(String key, int depth, Instant asOf) {
        if (depth < 1 || depth > MAX_BLAST_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_BLAST_DEPTH + ", was " + depth);
        }
        Subgraph sub = store.neighbourhood(key, depth, asOf);
        var dependents = new HashMap<String, List<Relationship>>();
        for (Relationship r : sub.relationships()) {
            String dependency = DependencyDirection.dependency(r);
            if (dependency != null) {
                dependents.computeIfAbsent(dependency, x -> new ArrayList<>()).add(r);
            }
        }
        var distance = new LinkedHashMap<String, Integer>();
        var used = new ArrayList<Relationship>();
        var queue = new ArrayDeque<String>();
        distance.put(key, 0);
        queue.add(key);
        while (!queue.isEmpty()) {
            String k = queue.poll();
            int d = distance.get(k);
            if (d >= depth) {
                continue;
            }
            for (Relationship r : dependents.getOrDefault(k, List.of())) {
                String dependent = DependencyDirection.dependent(r);
                used.add(r);
                if (!distance.containsKey(dependent)) {
                    distance.put(dependent, d + 1);
                    queue.add(dependent);
                }
            }
        }
        return view(key, sub.entitiesByKey(), distance, used, false);
    }

    private static GraphView view(String root, Map<String, Entity> byKey, Map<String, Integer> distance,
                                  Collection<Relationship> rels, boolean truncated) {
        var nodes = new ArrayList<GraphView.Node>();
        distance.forEach((k, d) -> {
            Entity e = byKey.get(k);
            if (e != null) {
                nodes.add(GraphView.Node.of(e, d));
            }
        });
        var edges = rels.stream().filter(r -> distance.containsKey(r.fromKey()) && distance.containsKey(r.toKey()))
                .map(GraphView.Edge::of).distinct().toList();
        return new GraphView(root, nodes, edges, truncated);
    }

    /** Hop distances from {@code root} over {@code rels} (both directions), through entities {@code keep} accepts. */
    private static Map<String, Integer> bfs(String root, List<Relationship> rels, int depth,
                                            java.util.function.Predicate<String> keep) {
        Map<String, List<Relationship>> adjacency = adjacency(rels, true);
        return dev.taproot.graph.model.Hops.from(root, depth, k -> adjacency.getOrDefault(k, List.of()).stream()
                .map(r -> r.fromKey().equals(k) ? r.toKey() : r.fromKey()).filter(keep).toList());
    }

    private static Map<String, List<Relationship>> adjacency(Collection<Relationship> rels, boolean undirected) {
        var adjacency = new HashMap<String, List<Relationship>>();
        for (Relationship r : rels) {
            adjacency.computeIfAbsent(r.fromKey(), x -> new ArrayList<>()).add(r);
            if (undirected) {
                adjacency.computeIfAbsent(r.toKey(), x -> new ArrayList<>()).add(r);
            }
        }
        return adjacency;
    }

    static Set<String> csv(String text) {
        var out = new LinkedHashSet<String>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
