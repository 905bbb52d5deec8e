package dev.taproot.graph.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Incident;

/**
 * Reads of the incident history: incidents by id, entity or page, root-cause counts and priors. For the
 * incident memory, the timeline and the ranking of causes.
 */
public interface IncidentReads {

    /** One incident by id. */
    Optional<Incident> incident(String id);

    /** Incidents, most recent first, up to {@code limit}. */
    List<Incident> incidents(int limit);

    /** Incidents that affected or were caused by an entity, most recent first. */
    default List<Incident> incidentsOf(String entityKey) {
        return incidentsOf(entityKey, null, null, Integer.MAX_VALUE);
    }

    /**
     * Incidents that affected or were caused by an entity and started in {@code [from, to)} (null: open),
     * most recent first, at most {@code limit}: an entity's history without reading all of it.
     */
    List<Incident> incidentsOf(String entityKey, Instant from, Instant to, int limit);

    /**
     * How many incidents name each of these entities as their root cause (ROOT_CAUSE edges); entities
     * with none are left out. Read from the graph's degree counts, whatever the size of the history.
     */
    Map<String, Long> rootCauseCounts(Collection<String> entityKeys);

    /** The incidents with these ids that exist (any order); unknown ids are skipped. */
    List<Incident> incidentsById(Collection<String> ids);

    /**
     * A page of incidents in id order, starting after {@code afterId} (null: from the first), for
     * walking every incident in bounded memory (reindexing the search index).
     */
    List<Incident> incidentsAfter(String afterId, int limit);

    /** How many incidents the graph holds. */
    long incidentCount();

    /**
     * Priors on the given entities as root causes, per fault type: confirmed and rejected feedback and
     * past incidents with them as ROOT_CAUSE.
     */
    List<CausePrior> causePriors(Collection<String> entityKeys);
}
