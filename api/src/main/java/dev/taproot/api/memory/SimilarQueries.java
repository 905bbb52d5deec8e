package dev.taproot.api.memory;

import java.util.LinkedHashSet;
import java.util.List;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.TopologyReads;
import dev.taproot.search.SimilarQuery;

/** Enriches similar-incident queries with what the graph knows. */
public final class SimilarQueries {

    /** At most this many neighbours are added, so a hub service does not drown the query. */
    static final int MAX_NEIGHBOURS = 20;

    private SimilarQueries() {
    }

    /** Adds the direct neighbours (one hop, either direction) of the query's services as weaker matches. */
    public static SimilarQuery withNeighbours(SimilarQuery q, TopologyReads store) {
        if (q.services().isEmpty()) {
            return q;
        }
        var names = new LinkedHashSet<String>(q.neighbours());
        for (String service : q.services()) {
            for (Entity e : store.findEntities(service)) {
                for (Entity n : store.neighbourhood(e.key(), 1, null).entities()) {
                    if (!n.key().equals(e.key()) && names.size() < MAX_NEIGHBOURS) {
                        names.add(n.name());
                    }
                }
            }
        }
        if (names.size() == q.neighbours().size()) {
            return q;
        }
        return new SimilarQuery(q.text(), q.services(), List.copyOf(names), q.alerts(), q.faultTypes(), q.entityTypes(),
                q.signatures(), q.candidateCauses(), q.fingerprint(), q.asOf(), q.feedback(), q.limit(), q.explain());
    }
}
