package dev.taproot.graph.neo4j;

import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/** Constraints and indexes Taproot needs; created at start, idempotently. */
final class Neo4jSchema {

    static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT taproot_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE",
            "CREATE CONSTRAINT taproot_signal_key IF NOT EXISTS FOR (n:Signal) REQUIRE n.key IS UNIQUE",
            "CREATE CONSTRAINT taproot_incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX taproot_entity_name IF NOT EXISTS FOR (n:Entity) ON (n._nameLower)",
            "CREATE INDEX taproot_entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type)",
            "CREATE INDEX taproot_signal_entity IF NOT EXISTS FOR (n:Signal) ON (n.entityKey)",
            "CREATE INDEX taproot_signal_start IF NOT EXISTS FOR (n:Signal) ON (n.start)",
            "CREATE INDEX taproot_incident_started IF NOT EXISTS FOR (n:Incident) ON (n.started)",
            "CREATE CONSTRAINT taproot_feedback_id IF NOT EXISTS FOR (n:Feedback) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX taproot_feedback_incident IF NOT EXISTS FOR (n:Feedback) ON (n.incidentId)");

    private Neo4jSchema() {
    }

    static void ensure(Driver driver, String database) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            for (String statement : STATEMENTS) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(60)").consume();
        }
    }
}
