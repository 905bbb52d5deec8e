package dev.taproot.graph.neo4j;

/** The Cypher statements of {@link Neo4jGraphStore}, parameterised so the planner caches them. */
final class NeoCypher {

    private NeoCypher() {
    }

    /** Placeholder for a key that something refers to before any source described it. */
    private static final String PLACEHOLDER = "ON CREATE SET %1$s.type = 'Unresolved', %1$s.name = %2$s, "
            + "%1$s._nameLower = toLower(%2$s), %1$s:Unresolved";

    static final String UPSERT_ENTITIES = """
            UNWIND $rows AS row
            MERGE (n:Entity {key: row.key})
            WITH n, row, n.type AS oldType
            SET n.type = row.type, n.name = row.name, n._nameLower = row.nameLower,
                n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.aliases] + row.aliases,
                n._aliasesLower = [a IN coalesce(n._aliasesLower, []) WHERE NOT a IN row.aliasesLower] + row.aliasesLower,
                n.firstSeen = CASE WHEN row.firstSeen IS NULL THEN n.firstSeen
                                   WHEN n.firstSeen IS NULL OR row.firstSeen < n.firstSeen THEN row.firstSeen
                                   ELSE n.firstSeen END,
                n.lastSeen = CASE WHEN row.lastSeen IS NULL THEN n.lastSeen
                                  WHEN n.lastSeen IS NULL OR row.lastSeen > n.lastSeen THEN row.lastSeen
                                  ELSE n.lastSeen END
            SET n += row.props
            SET n:$(row.type)
            WITH n, row, oldType WHERE oldType IS NOT NULL AND oldType <> row.type
            REMOVE n:$(oldType)
            """;

    static final String UPSERT_RELATIONSHIPS = """
            UNWIND $rows AS row
            MERGE (a:Entity {key: row.from}) %s
            MERGE (b:Entity {key: row.to}) %s
            WITH a, b, row
            CALL (a, b, row) {
              OPTIONAL MATCH (a)-[r:$(row.type)]->(b)
              WHERE r.validTo IS NULL OR (row.validTo IS NOT NULL AND r.validTo = row.validTo)
              WITH a, b, row, head(collect(r)) AS existing
              CALL (a, b, row, existing) {
                WITH a, b, row, existing WHERE existing IS NULL
                CREATE (a)-[n:$(row.type)]->(b)
                SET n += row.props, n.validFrom = row.validFrom, n.validTo = row.validTo
              }
              CALL (row, existing) {
                WITH row, existing WHERE existing IS NOT NULL
                SET existing += row.props,
                    existing.validFrom = CASE WHEN existing.validFrom IS NULL OR row.validFrom IS NULL THEN null
                                              WHEN row.validFrom < existing.validFrom THEN row.validFrom
                                              ELSE existing.validFrom END,
                    existing.validTo = row.validTo
              }
            }
            """.formatted(PLACEHOLDER.formatted("a", "row.from"), PLACEHOLDER.formatted("b", "row.to"));

    static final String CLOSE_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:Entity {key: row.from})-[r:$(row.type)]->(b:Entity {key: row.to})
            WHERE r.validTo IS NULL
            SET r.validTo = $at
            """;

    static final String UPSERT_SIGNALS = """
            UNWIND $rows AS row
            MERGE (e:Entity {key: row.entityKey}) %s
            MERGE (s:Signal {key: row.key})
            SET s.type = row.type, s.name = row.name, s.entityKey = row.entityKey, s.severity = row.severity,
                s.start = row.start, s.end = row.end, s.source = row.source
            SET s += row.attrs
            MERGE (s)-[:ON]->(e)
            """.formatted(PLACEHOLDER.formatted("e", "row.entityKey"));

    static final String UPSERT_INCIDENTS = """
            UNWIND $rows AS row
            MERGE (i:Incident {id: row.id})
            SET i.title = row.title, i.description = row.description, i.started = row.started,
                i.resolved = row.resolved, i.severity = row.severity, i.affected = row.affected,
                i.rootCause = row.rootCause, i.faultType = row.faultType, i.resolution = row.resolution,
                i.links = row.links, i.resolvedBy = row.resolvedBy, i.tags = row.tags, i.source = row.source
            SET i += row.props
            WITH i, row
            CALL (i) { MATCH (i)-[old:AFFECTED|ROOT_CAUSE]->() DELETE old }
            CALL (i, row) {
              UNWIND range(0, size(row.affected) - 1) AS idx
              MATCH (e:Entity) WHERE e.key = row.affected[idx] OR e._nameLower = row.affectedLower[idx]
              MERGE (i)-[:AFFECTED]->(e)
            }
            CALL (i, row) {
              MATCH (e:Entity) WHERE row.rootCause IS NOT NULL
                AND (e.key = row.rootCause OR e._nameLower = row.rootCauseLower)
              MERGE (i)-[:ROOT_CAUSE]->(e)
            }
            """;

    static final String EXPAND_ONE_HOP = """
            MATCH (a:Entity)-[r]-(b:Entity)
            WHERE a.key IN $keys AND type(r) IN $types
              AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)))
              AND ($asOf IS NOT NULL OR r.validTo IS NULL)
            RETURN DISTINCT b.key AS key
            """;

    static final String RELATIONSHIPS_AMONG = """
            MATCH (a:Entity)-[r]->(b:Entity)
            WHERE a.key IN $keys AND b.key IN $keys AND type(r) IN $types
              AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo > $asOf)))
              AND ($asOf IS NOT NULL OR r.validTo IS NULL)
            RETURN a.key AS from, b.key AS to, r
            """;

    static final String SIGNALS_ON_IN_WINDOW = """
            MATCH (s:Signal) WHERE s.entityKey IN $keys
              AND ($to IS NULL OR s.start <= $to) AND ($from IS NULL OR coalesce(s.end, s.start) >= $from)
            RETURN s ORDER BY s.start
            """;

    static final String SIGNALS_IN_WINDOW = """
            MATCH (s:Signal)
            WHERE ($to IS NULL OR s.start <= $to) AND ($from IS NULL OR coalesce(s.end, s.start) >= $from)
            RETURN s ORDER BY s.start
            """;

    static final String OPEN_RELATIONSHIPS = """
            MATCH (a:Entity)-[r]->(b:Entity)
            WHERE type(r) IN $types AND r.validTo IS NULL
            RETURN a.key AS from, b.key AS to, r LIMIT $limit
            """;

    static final String RELATIONSHIPS_OF = """
            MATCH (a:Entity)-[r]->(b:Entity) WHERE (a.key = $key OR b.key = $key) AND type(r) IN $types
            RETURN a.key AS from, b.key AS to, r ORDER BY coalesce(r.validFrom, 0)
            """;
}
