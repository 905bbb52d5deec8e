package dev.taproot.graph.embedded;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.dbms.api.DatabaseManagementService;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.neo4j.InProcessDatabase;

/** One database of the embedded DBMS through its Java API: the analysis reads, subgraphs and incident writes. */
final class EmbeddedDatabase implements InProcessDatabase {

    private final EmbeddedAnalysisReads reads;
    private final EmbeddedSubgraphReader subgraphs;
    private final EmbeddedIncidentWriter incidents;

    EmbeddedDatabase(DatabaseManagementService dbms, String database) {
        this.reads = new EmbeddedAnalysisReads(dbms.database(database));
        this.subgraphs = new EmbeddedSubgraphReader(dbms, database, RelationshipTypes.TOPOLOGY);
        this.incidents = new EmbeddedIncidentWriter(dbms.database(database));
    }

    @Override
    public Subgraph subgraph(SubgraphQuery query, boolean withSignals) {
        return subgraphs.read(query, withSignals);
    }

    @Override
    public List<String> subgraphKeys(SubgraphQuery query) {
        return subgraphs.keys(query);
    }

    @Override
    public void writeIncidents(Collection<Incident> batch) {
        incidents.write(batch);
    }

    @Override
    public Optional<Entity> entity(String key) {
        return reads.entity(key);
    }

    @Override
    public List<Entity> findEntities(String nameOrAlias) {
        return reads.findEntities(nameOrAlias);
    }

    @Override
    public List<Entity> entities(String type, int limit) {
        return reads.entities(type, limit);
    }

    @Override
    public List<Signal> signals(Collection<String> entityKeys, Long from, Long to) {
        return reads.signals(entityKeys, from, to);
    }

    @Override
    public Map<String, Long> rootCauseCounts(Collection<String> entityKeys) {
        return reads.rootCauseCounts(entityKeys);
    }

    @Override
    public List<CausePrior> causePriors(Collection<String> entityKeys) {
        return reads.causePriors(entityKeys);
    }

    @Override
    public Map<String, Integer> incidentHelpfulness() {
        return reads.incidentHelpfulness();
    }

    @Override
    public void close() {
        incidents.close();
    }
}
