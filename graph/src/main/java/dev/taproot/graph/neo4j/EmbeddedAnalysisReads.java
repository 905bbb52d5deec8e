package dev.taproot.graph.neo4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;

/**
 * {@link AnalysisReads} in-process, for the embedded DBMS: the same Cypher as the driver path, run in a
 * transaction of the embedded database, so a read costs its work and not a Bolt round trip through the
 * driver's and the server's threads (an analysis makes about ten of them after its subgraph).
 */
final class EmbeddedAnalysisReads implements AnalysisReads {

    private final GraphDatabaseService db;

    EmbeddedAnalysisReads(GraphDatabaseService db) {
        this.db = db;
    }

    @Override
    public Optional<Entity> entity(String key) {
        try (Transaction tx = db.beginTx()) {
            Node n = tx.findNode(EmbeddedSubgraphReader.ENTITY, "key", key);
            return n == null ? Optional.empty() : Optional.of(Neo4jRecords.entity(n.getAllProperties()));
        }
    }

    @Override
    public List<Entity> findEntities(String nameOrAlias) {
        return rows(AnalysisCypher.FIND_ENTITIES, AnalysisCypher.findEntitiesParams(nameOrAlias),
                row -> Neo4jRecords.entity(((Node) row.get("n")).getAllProperties()));
    }

    @Override
    public List<Signal> signals(Collection<String> entityKeys, Long from, Long to) {
        return rows(AnalysisCypher.signalsCypher(entityKeys), AnalysisCypher.signalsParams(entityKeys, from, to),
                row -> Neo4jRecords.signal(((Node) row.get("s")).getAllProperties()));
    }

    @Override
    public Map<String, Long> rootCauseCounts(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, Long>();
        rows(AnalysisCypher.ROOT_CAUSE_COUNTS, Map.of("keys", List.copyOf(new LinkedHashSet<>(entityKeys))),
                row -> out.put((String) row.get("key"), ((Number) row.get("n")).longValue()));
        return out;
    }

    @Override
    public List<CausePrior> causePriors(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return List.of();
        }
        var priors = new AnalysisCypher.Priors();
        Map<String, Object> params = Map.of("keys", List.copyOf(entityKeys));
        try (Transaction tx = db.beginTx()) {
            try (var votes = tx.execute(AnalysisCypher.PRIOR_VOTES, params)) {
                votes.forEachRemaining(r -> priors.votes((String) r.get("key"), (String) r.get("fault"),
                        ((Number) r.get("yes")).longValue(), ((Number) r.get("no")).longValue()));
            }
            try (var incidents = tx.execute(AnalysisCypher.PRIOR_INCIDENTS, params)) {
                incidents.forEachRemaining(r -> priors.incidents((String) r.get("key"), (String) r.get("fault"),
                        ((Number) r.get("n")).longValue()));
            }
        }
        return priors.list();
    }

    @Override
    public Map<String, Integer> incidentHelpfulness() {
        var out = new LinkedHashMap<String, Integer>();
        rows(AnalysisCypher.HELPFULNESS, Map.of(),
                row -> out.put((String) row.get("id"), ((Number) row.get("net")).intValue()));
        return out;
    }

    /** Runs one read statement in its own transaction and maps every row. */
    private <T> List<T> rows(String cypher, Map<String, Object> params, Function<Map<String, Object>, T> map) {
        try (Transaction tx = db.beginTx(); var result = tx.execute(cypher, params)) {
            var out = new ArrayList<T>();
            result.forEachRemaining(row -> out.add(map.apply(row)));
            return out;
        }
    }
}
