package dev.taproot.api.explorer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.store.TopologyReads;

/**
 * The entities that stand for one thing at a finer grain: a service and the workloads, pods and
 * containers it selects or owns (two hops along SELECTS/OWNS/RUNS). Signals on any of them count for it.
 */
final class Related {

    private static final Set<String> DOWNWARD = Set.of(RelationshipTypes.SELECTS, RelationshipTypes.OWNS);

    private Related() {
    }

    static Set<String> keysOf(TopologyReads store, String key, Instant asOf) {
        Subgraph sub = store.neighbourhood(key, 2, asOf);
        var keys = new LinkedHashSet<String>();
        keys.add(key);
        for (int hop = 0; hop < 2; hop++) {
            for (Relationship r : sub.relationships()) {
                if (DOWNWARD.contains(r.type()) && keys.contains(r.fromKey())) {
                    keys.add(r.toKey());
                }
            }
        }
        return keys;
    }
}
