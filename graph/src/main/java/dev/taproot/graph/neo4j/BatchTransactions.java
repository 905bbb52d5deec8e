package dev.taproot.graph.neo4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.store.PartialWriteException;

/**
 * Writes a batch too large for one transaction as a sequence of bounded ones (entities, then
 * relationships, signals, incidents), so Neo4j's memory per transaction stays bounded whatever the
 * request's size. Each transaction also advances an {@code (:IngestBatch {id, committed, total})}
 * marker in the same commit, so the marker is exactly as durable as the data: after any failure,
 * even a crash and Neo4j's recovery, a retry under the same id starts after the last transaction
 * that committed. The marker is deleted when the batch is whole.
 */
final class BatchTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(BatchTransactions.class);
    /** Rows per statement inside a transaction (UNWIND lists). */
    private static final int ROWS_PER_STATEMENT = 5_000;

    private final Driver driver;
    private final String database;
    private final int maxRecords;

    /** One statement: a Cypher upsert and its rows. */
    private record Statement(String cypher, List<Map<String, Object>> rows) {
    }

    BatchTransactions(Driver driver, String database, int maxRecords) {
        this.driver = driver;
        this.database = database;
        this.maxRecords = maxRecords;
    }

    /** A batch id from the batch's content, for writes that name none. */
    static String contentId(GraphBatch batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            batch.entities().forEach(e -> sha.update(e.toString().getBytes(StandardCharsets.UTF_8)));
            batch.relationships().forEach(r -> sha.update(r.toString().getBytes(StandardCharsets.UTF_8)));
            batch.signals().forEach(s -> sha.update(s.toString().getBytes(StandardCharsets.UTF_8)));
            batch.incidents().forEach(i -> sha.update(i.toString().getBytes(StandardCharsets.UTF_8)));
            return "content-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    void write(GraphBatch batch, String batchId) {
        List<List<Statement>> transactions = plan(batch);
        SessionConfig session = SessionConfig.forDatabase(database);
        int start;
        try (var s = driver.session(session)) {
            start = s.executeRead(tx -> {
                var r = tx.run("MATCH (b:IngestBatch {id: $id}) RETURN b.committed AS c, b.total AS t", Map.of("id", batchId)).list();
                return r.isEmpty() || r.getFirst().get("t").asInt() != transactions.size() ? 0 : r.getFirst().get("c").asInt();
            });
        }
        if (start > 0) {
            LOG.info("batch {}: resuming after {} of {} committed transactions", batchId, start, transactions.size());
        }
        int committed = start;
        try (var s = driver.session(session)) {
            for (int i = start; i < transactions.size(); i++) {
                List<Statement> statements = transactions.get(i);
                int done = i + 1;
                s.executeWriteWithoutResult(tx -> {
                    for (Statement st : statements) {
                        tx.run(st.cypher(), Map.of("rows", st.rows())).consume();
                    }
                    tx.run("MERGE (b:IngestBatch {id: $id}) SET b.committed = $done, b.total = $total, b.updated = timestamp()",
                            Map.of("id", batchId, "done", done, "total", transactions.size())).consume();
                });
                committed = done;
            }
            s.executeWriteWithoutResult(tx -> tx.run("MATCH (b:IngestBatch {id: $id}) DELETE b", Map.of("id", batchId)).consume());
        } catch (RuntimeException e) {
            throw new PartialWriteException(batchId, committed, transactions.size(), e);
        }
    }

    /** The batch cut into transactions of at most {@code maxRecords} rows, entities first. */
    private List<List<Statement>> plan(GraphBatch batch) {
        var statements = new ArrayList<Statement>();
        add(statements, NeoCypher.UPSERT_ENTITIES, batch.entities(), Neo4jRecords::entityRow);
        add(statements, NeoCypher.UPSERT_RELATIONSHIPS, batch.relationships(), Neo4jRecords::relationshipRow);
        add(statements, NeoCypher.UPSERT_SIGNALS, batch.signals(), Neo4jRecords::signalRow);
        add(statements, NeoCypher.UPSERT_INCIDENTS, batch.incidents(), Neo4jRecords::incidentRow);
        var transactions = new ArrayList<List<Statement>>();
        var current = new ArrayList<Statement>();
        int rows = 0;
        for (Statement st : statements) {
            if (rows + st.rows().size() > maxRecords && !current.isEmpty()) {
                transactions.add(current);
                current = new ArrayList<>();
                rows = 0;
            }
            current.add(st);
            rows += st.rows().size();
        }
        if (!current.isEmpty()) {
            transactions.add(current);
        }
        return transactions;
    }

    private static <T> void add(List<Statement> out, String cypher, List<T> records, Function<T, Map<String, Object>> row) {
        for (int i = 0; i < records.size(); i += ROWS_PER_STATEMENT) {
            out.add(new Statement(cypher, records.subList(i, Math.min(records.size(), i + ROWS_PER_STATEMENT))
                    .stream().map(row).toList()));
        }
    }
}
