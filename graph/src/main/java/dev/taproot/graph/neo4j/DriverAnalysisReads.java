package dev.taproot.graph.neo4j;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;

/** {@link AnalysisReads} over the driver: each read in its own read transaction (an external server, or Bolt). */
final class DriverAnalysisReads implements AnalysisReads {

    private final Driver driver;
    private final String database;
    private final ReadQueries reads;

    DriverAnalysisReads(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
        this.reads = new ReadQueries(driver, database);
    }

    @Override
    public Optional<Entity> entity(String key) {
        return reads.one(AnalysisCypher.ENTITY_BY_KEY, Map.of("key", key))
                .map(r -> Neo4jRecords.entity(r.get("n").asNode()));
    }

    @Override
    public List<Entity> findEntities(String nameOrAlias) {
        return reads.list(AnalysisCypher.FIND_ENTITIES, AnalysisCypher.findEntitiesParams(nameOrAlias),
                r -> Neo4jRecords.entity(r.get("n").asNode()));
    }

    @Override
    public List<Entity> entities(String type, int limit) {
        return reads.list(AnalysisCypher.ENTITIES, AnalysisCypher.entitiesParams(type, limit),
                r -> Neo4jRecords.entity(r.get("n").asNode()));
    }

    @Override
    public List<Signal> signals(Collection<String> entityKeys, Long from, Long to) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeRead(tx -> DriverReads.signalsOn(tx, entityKeys, from, to));
        }
    }

    @Override
    public Map<String, Long> rootCauseCounts(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, Long>();
        reads.list(AnalysisCypher.ROOT_CAUSE_COUNTS, Map.of("keys", List.copyOf(new LinkedHashSet<>(entityKeys))),
                r -> out.put(r.get("key").asString(), r.get("n").asLong()));
        return out;
    }

    @Override
    public List<CausePrior> causePriors(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return List.of();
        }
        var priors = new AnalysisCypher.Priors();
        Map<String, Object> params = Map.of("keys", List.copyOf(entityKeys));
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            session.executeRead(tx -> {
                tx.run(AnalysisCypher.PRIOR_VOTES, params).forEachRemaining(r -> priors.votes(r.get("key").asString(),
                        r.get("fault").asString(null), r.get("yes").asLong(), r.get("no").asLong()));
                tx.run(AnalysisCypher.PRIOR_INCIDENTS, params).forEachRemaining(r -> priors.incidents(
                        r.get("key").asString(), r.get("fault").asString(null), r.get("n").asLong()));
                return null;
            });
        }
        return priors.list();
    }

    @Override
    public Map<String, Integer> incidentHelpfulness() {
        var out = new LinkedHashMap<String, Integer>();
        reads.list(AnalysisCypher.HELPFULNESS, Map.of(), r -> r).forEach(r -> out.put(r.get("id").asString(), r.get("net").asInt()));
        return out;
    }
}
