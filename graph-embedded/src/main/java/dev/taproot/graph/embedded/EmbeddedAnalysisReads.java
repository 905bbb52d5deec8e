package dev.taproot.graph.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.neo4j.AnalysisCypher;
import dev.taproot.graph.neo4j.AnalysisReads;
import dev.taproot.graph.neo4j.Neo4jRecords;

/**
 * {@link AnalysisReads} in-process, for the embedded DBMS, so a read costs its work and not a Bolt round
 * trip through the driver's and the server's threads (an analysis makes about ten of them after its
 * subgraph). Where a statement is needed it is the driver path's own Cypher, run in a transaction of the
 * embedded database (same plan, same order of rows); an entity by key and root-cause counts are read off
 * the node. A transient failure is retried ({@link EmbeddedReadTransactions}).
 */
final class EmbeddedAnalysisReads implements AnalysisReads {

    private static final RelationshipType ROOT_CAUSE = RelationshipType.withName(dev.taproot.graph.model.RelationshipTypes.ROOT_CAUSE);
    private static final RelationshipType ON_CAUSE = RelationshipType.withName("ON_CAUSE");

    private final GraphDatabaseService db;

    EmbeddedAnalysisReads(GraphDatabaseService db) {
        this.db = db;
    }

    @Override
    public Optional<Entity> entity(String key) {
        return EmbeddedReadTransactions.read(db, tx -> {
            Node n = tx.findNode(EmbeddedSubgraphReader.ENTITY, "key", key);
            return n == null ? Optional.empty() : Optional.of(Neo4jRecords.entity(n.getAllProperties()));
        });
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
    public List<Entity> entities(String type, int limit) {
        return rows(AnalysisCypher.ENTITIES, AnalysisCypher.entitiesParams(type, limit),
                row -> Neo4jRecords.entity(((Node) row.get("n")).getAllProperties()));
    }

    @Override
    public Map<String, Long> rootCauseCounts(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return Map.of();
        }
        // what the Cypher of the driver path counts, COUNT { (e)<-[:ROOT_CAUSE]-() }, read off the node
        return EmbeddedReadTransactions.read(db, tx -> {
            var out = new HashMap<String, Long>();
            for (String key : new LinkedHashSet<>(entityKeys)) {
                Node n = tx.findNode(EmbeddedSubgraphReader.ENTITY, "key", key);
                int count = n == null ? 0 : n.getDegree(ROOT_CAUSE, Direction.INCOMING);
                if (count > 0) {
                    out.put(key, (long) count);
                }
            }
            return out;
        });
    }

    @Override
    public List<CausePrior> causePriors(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return List.of();
        }
        return EmbeddedReadTransactions.read(db, tx -> {
            // most entities were never judged nor a past cause: each statement runs only for the entities
            // with the relationships it follows (the others give it no rows), and not at all when none has
            List<String> voted = new ArrayList<>();
            List<String> caused = new ArrayList<>();
            for (String key : entityKeys) {
                Node n = tx.findNode(EmbeddedSubgraphReader.ENTITY, "key", key);
                if (n != null && n.getDegree(ON_CAUSE, Direction.INCOMING) > 0) {
                    voted.add(key);
                }
                if (n != null && n.getDegree(ROOT_CAUSE, Direction.INCOMING) > 0) {
                    caused.add(key);
                }
            }
            var priors = new AnalysisCypher.Priors();
            if (!voted.isEmpty()) {
                try (var votes = tx.execute(AnalysisCypher.PRIOR_VOTES, Map.of("keys", voted))) {
                    votes.forEachRemaining(r -> priors.votes((String) r.get("key"), (String) r.get("fault"),
                            ((Number) r.get("yes")).longValue(), ((Number) r.get("no")).longValue()));
                }
            }
            if (!caused.isEmpty()) {
                try (var incidents = tx.execute(AnalysisCypher.PRIOR_INCIDENTS, Map.of("keys", caused))) {
                    incidents.forEachRemaining(r -> priors.incidents((String) r.get("key"), (String) r.get("fault"),
                            ((Number) r.get("n")).longValue()));
                }
            }
            return priors.list();
        });
    }

    @Override
    public Map<String, Integer> incidentHelpfulness() {
        var out = new LinkedHashMap<String, Integer>();
        for (Object[] row : rows(AnalysisCypher.HELPFULNESS, Map.of(), row -> new Object[] {row.get("id"), row.get("net")})) {
            out.put((String) row[0], ((Number) row[1]).intValue());
        }
        return out;
    }

    /** Runs one read statement in its own transaction (again after a transient failure) and maps every row. */
    private <T> List<T> rows(String cypher, Map<String, Object> params, Function<Map<String, Object>, T> map) {
        return EmbeddedReadTransactions.read(db, tx -> {
            try (var result = tx.execute(cypher, params)) {
                var out = new ArrayList<T>();
                result.forEachRemaining(row -> out.add(map.apply(row)));
                return out;
            }
        });
    }
}
