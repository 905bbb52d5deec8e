package dev.taproot.api.memory;

import java.util.Map;

import dev.taproot.graph.store.GraphStore;

/** Net helpfulness of past incidents, read from the feedback stored in the graph. */
public final class FeedbackScores {

    private final GraphStore store;

    FeedbackScores(GraphStore store) {
        this.store = store;
    }

    /** Helped minus did-not-help, per incident id (only incidents with feedback). */
    public Map<String, Integer> scores() {
        return Map.of();
    }

    /** The feedback given about one incident. */
    public java.util.List<Object> about(String incidentId) {
        return java.util.List.of();
    }
}
