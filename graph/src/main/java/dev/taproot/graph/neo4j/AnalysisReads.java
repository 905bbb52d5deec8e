package dev.taproot.graph.neo4j;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;

/**
 * The small reads an analysis makes besides its subgraph: entities by key or name, signals in a
 * window, past root-cause counts, cause priors and incident helpfulness. {@link DriverAnalysisReads}
 * runs them over the driver (an external server); the embedded module runs the same reads
 * in-process when the DBMS is embedded, without a Bolt round trip each. Both give the same answers,
 * which the {@code GraphStore} contract suite checks for each and {@code EmbeddedReadsAgreeWithBoltReadsTest}
 * checks record for record on the same data.
 */
public interface AnalysisReads {

    /** The entity with this key. */
    Optional<Entity> entity(String key);

    /** Entities whose key is the text, or whose name or an alias is it ignoring case. */
    List<Entity> findEntities(String nameOrAlias);

    /** Up to {@code limit} entities of a type (any type when null), in key order. */
    List<Entity> entities(String type, int limit);

    /** Signals on these entities (all signals when none are named) overlapping the window, by start. */
    List<Signal> signals(Collection<String> entityKeys, Long from, Long to);

    /** Per entity with any, how many incidents name it as their root cause. */
    Map<String, Long> rootCauseCounts(Collection<String> entityKeys);

    /** People's latest confirmations and rejections, and past root causes, per entity and fault type. */
    List<CausePrior> causePriors(Collection<String> entityKeys);

    /** Helped minus did-not-help per incident with such feedback (one vote per author, the latest). */
    Map<String, Integer> incidentHelpfulness();
}
