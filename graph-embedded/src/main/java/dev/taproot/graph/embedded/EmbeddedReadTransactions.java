package dev.taproot.graph.embedded;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Read transactions on the embedded database, retried when Neo4j reports a transient failure (a read
 * that met a concurrent write to the same relationship chain: "outdated data, retry the transaction"),
 * as the driver's {@code executeRead} retries them on the Bolt path. A read under a steady write load
 * would otherwise fail now and then instead of answering.
 */
final class EmbeddedReadTransactions {

    /** Attempts before the transient failure is thrown to the caller. */
    static final int MAX_ATTEMPTS = 5;

    private EmbeddedReadTransactions() {
    }

    /** Runs {@code work} in a new transaction of {@code db}, again in a fresh one after a transient failure. */
    static <T> T read(GraphDatabaseService db, Function<Transaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = db.beginTx()) {
                return work.apply(tx);
            } catch (TransientFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 4L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a read", e);
        }
    }
}
