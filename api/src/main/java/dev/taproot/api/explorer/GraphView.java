package dev.taproot.api.explorer;

import java.util.List;
import java.util.Map;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;

/**
 * A drawable slice of the graph, as the API returns it and the explorer page draws it.
 *
 * @param root      the entity it was read around (or null)
 * @param nodes     entities, each with its hop distance from the root
 * @param edges     relationships among them
 * @param truncated whether a limit cut it short
 */
public record GraphView(String root, List<Node> nodes, List<Edge> edges, boolean truncated) {

    /** An entity and its distance from the root. */
    public record Node(String key, String type, String name, int depth, Map<String, Object> properties) {
        static Node of(Entity e, int depth) {
            return new Node(e.key(), e.type(), e.name(), depth, e.properties());
        }
    }

    /** A relationship. */
    public record Edge(String type, String from, String to, Map<String, Object> properties) {
        static Edge of(Relationship r) {
            return new Edge(r.type(), r.fromKey(), r.toKey(), r.properties());
        }
    }
}
