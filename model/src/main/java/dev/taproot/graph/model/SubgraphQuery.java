package dev.taproot.graph.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What to read around a symptom: the entities within {@code hops} of the seeds (following
 * relationships in both directions, as they were at {@code asOf}), and every signal on them that
 * overlaps [{@code windowStart}, {@code windowEnd}].
 *
 * @param seeds       entity keys to start from (empty: the whole graph, for small replayed cases)
 * @param hops        how many relationships away to go (0..6)
 * @param asOf        the time at which relationships must hold (null: current topology)
 * @param windowStart signal window start (null: unbounded)
 * @param windowEnd   signal window end (null: unbounded)
 * @param maxEntities a cap on the entities read; the nearest are kept
 */
public record SubgraphQuery(Set<String> seeds, int hops, Instant asOf, Instant windowStart, Instant windowEnd,
                            int maxEntities) {

    public static final int DEFAULT_HOPS = 3;
    public static final int MAX_HOPS = 6;
    public static final int DEFAULT_MAX_ENTITIES = 5_000;

    public SubgraphQuery {
        seeds = seeds == null ? Set.of() : Set.copyOf(seeds);
        if (hops < 0 || hops > MAX_HOPS) {
            throw new IllegalArgumentException("hops must be between 0 and " + MAX_HOPS + ", was " + hops);
        }
        if (windowStart != null && windowEnd != null && windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("window end is before its start");
        }
        maxEntities = maxEntities <= 0 ? DEFAULT_MAX_ENTITIES : maxEntities;
    }

    /** A query around the seeds with the default depth and entity cap. */
    public static SubgraphQuery around(List<String> seeds, Instant asOf, Instant windowStart, Instant windowEnd) {
        return new SubgraphQuery(Set.copyOf(seeds), DEFAULT_HOPS, asOf, windowStart, windowEnd, DEFAULT_MAX_ENTITIES);
    }
}
