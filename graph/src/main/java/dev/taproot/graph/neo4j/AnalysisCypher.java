package dev.taproot.graph.neo4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taproot.graph.model.CausePrior;

/**
 * The Cypher of {@link AnalysisReads}, shared by the driver and the in-process implementation so that
 * both run the very same statements (same plans, same order of rows), and the folding of the prior rows.
 * Public for the in-process implementation in {@code taproot-graph-embedded}; not an API of its own.
 */
public final class AnalysisCypher {

    public static final String ENTITY_BY_KEY = "MATCH (n:Entity {key: $key}) RETURN n AS n";

    public static final String FIND_ENTITIES = """
            MATCH (n:Entity) WHERE n.key = $raw OR n._nameLower = $q
            RETURN n
            UNION
            MATCH (n:Entity) WHERE $q IN n._aliasesLower
            RETURN n
            """;

    public static final String ENTITIES = "MATCH (n:Entity) WHERE $type IS NULL OR n.type = $type RETURN n ORDER BY n.key LIMIT $limit";

    public static final String ROOT_CAUSE_COUNTS = """
            UNWIND $keys AS key
            MATCH (e:Entity {key: key})
            WITH key, COUNT { (e)<-[:ROOT_CAUSE]-() } AS n
            WHERE n > 0
            RETURN key, n
            """;

    public static final String PRIOR_VOTES = """
            MATCH (e:Entity) WHERE e.key IN $keys
            MATCH (f:Feedback)-[:ON_CAUSE]->(e)
            WHERE f.kind IN ['CAUSE_CONFIRMED', 'CAUSE_REJECTED']
            WITH e, f ORDER BY f.at DESC
            WITH e.key AS key, f.faultType AS fault, f.by AS by, head(collect(f.kind)) AS kind
            RETURN key, fault,
                   sum(CASE kind WHEN 'CAUSE_CONFIRMED' THEN 1 ELSE 0 END) AS yes,
                   sum(CASE kind WHEN 'CAUSE_REJECTED' THEN 1 ELSE 0 END) AS no
            """;

    public static final String PRIOR_INCIDENTS = """
            MATCH (e:Entity) WHERE e.key IN $keys
            MATCH (i:Incident)-[:ROOT_CAUSE]->(e)
            RETURN e.key AS key, i.faultType AS fault, count(i) AS n
            """;

    public static final String HELPFULNESS = """
            MATCH (f:Feedback) WHERE f.kind IN ['HELPED', 'NOT_HELPED']
            WITH f ORDER BY f.at DESC
            WITH f.incidentId AS id, f.by AS by, head(collect(f.kind)) AS kind
            RETURN id, sum(CASE kind WHEN 'HELPED' THEN 1 ELSE -1 END) AS net
            """;

    private AnalysisCypher() {
    }

    public static Map<String, Object> findEntitiesParams(String nameOrAlias) {
        return Map.of("raw", nameOrAlias.trim(), "q", nameOrAlias.trim().toLowerCase(java.util.Locale.ROOT));
    }

    public static Map<String, Object> entitiesParams(String type, int limit) {
        var params = new HashMap<String, Object>();
        params.put("type", type);
        params.put("limit", limit);
        return params;
    }

    public static Map<String, Object> signalsParams(Collection<String> keys, Long from, Long to) {
        var params = new HashMap<String, Object>();
        params.put("keys", List.copyOf(keys));
        params.put("from", from);
        params.put("to", to);
        return params;
    }

    public static String signalsCypher(Collection<String> keys) {
        return keys.isEmpty() ? NeoCypher.SIGNALS_IN_WINDOW : NeoCypher.SIGNALS_ON_IN_WINDOW;
    }

    /** Folds the rows of {@link #PRIOR_VOTES} and {@link #PRIOR_INCIDENTS} into priors, in order of first sight. */
    public static final class Priors {

        private record Key(String entity, String fault) {
        }

        private final Map<Key, long[]> counts = new LinkedHashMap<>();

        public void votes(String key, String fault, long yes, long no) {
            long[] c = counts.computeIfAbsent(new Key(key, fault), k -> new long[3]);
            c[0] += yes;
            c[1] += no;
        }

        public void incidents(String key, String fault, long n) {
            counts.computeIfAbsent(new Key(key, fault), k -> new long[3])[2] += n;
        }

        public List<CausePrior> list() {
            var out = new ArrayList<CausePrior>();
            counts.forEach((k, c) -> out.add(new CausePrior(k.entity(), k.fault(), c[0], c[1], c[2])));
            return out;
        }
    }
}
