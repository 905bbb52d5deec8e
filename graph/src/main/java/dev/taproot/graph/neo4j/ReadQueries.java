package dev.taproot.graph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;

/** One read query in its own read transaction: the first record, or every record mapped. */
final class ReadQueries {

    private final Driver driver;
    private final String database;

    ReadQueries(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    Optional<Record> one(String cypher, Map<String, Object> params) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeRead(tx -> {
                var result = tx.run(cypher, params);
                return result.hasNext() ? Optional.of(result.next()) : Optional.<Record>empty();
            });
        }
    }

    <T> List<T> list(String cypher, Map<String, Object> params, java.util.function.Function<Record, T> map) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeRead(tx -> tx.run(cypher, params).list(map));
        }
    }
}
