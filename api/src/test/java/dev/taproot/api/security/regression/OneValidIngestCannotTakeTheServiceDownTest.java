package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.graph.embedded.EmbeddedNeo4j;
import dev.taproot.graph.neo4j.Neo4jGraphStore;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;

/**
 * Finding (high): a valid Turtle body of 200k services and 200k CALLS edges became one transaction,
 * Neo4j panicked, every request failed until a manual restart, and recovery applied the write the
 * client had been told failed. A large body is now written in bounded transactions; a failure part
 * way answers 503 naming the batch and what is stored, and sending the same body again resumes it.
 */
class OneValidIngestCannotTakeTheServiceDownTest {

    @TempDir
    Path dir;

    static String turtle(int services) {
        var ttl = new StringBuilder("@prefix tp: <https://taproot.dev/ns#> .\n@prefix ex: <https://cmdb.example.com/ci/> .\n");
        for (int i = 0; i < services; i++) {
            ttl.append("ex:s").append(i).append(" a tp:Service ; tp:name \"bulk-s").append(i).append("\" ; tp:CALLS ex:s")
                    .append((i + 1) % services).append(" .\n");
        }
        return ttl.toString();
    }

    /** Vetoes the commit that records the second transaction of a large write. */
    static final class VetoSecond extends TransactionEventListenerAdapter<Object> {
        @Override
        public Object beforeCommit(TransactionData data, Transaction tx, GraphDatabaseService db) {
            for (var p : data.assignedNodeProperties()) {
                if (p.key().equals("committed") && p.value() instanceof Number n && n.intValue() == 2) {
                    throw new IllegalStateException("simulated store failure");
                }
            }
            return null;
        }
    }

    @Test
    void aLargeTurtleBodyIsWrittenInBoundedTransactionsAndAFailureIsHonestAndResumable() throws Exception {
        GraphStore store = TestStores.emptyEmbedded();
        Taproot taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), store);
        var dbms = (EmbeddedNeo4j) store.unwrap(Neo4jGraphStore.class).orElseThrow().embedded().orElseThrow();
        var http = HttpClient.newHttpClient();
        try (var server = TaprootServer.start(taproot, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/rdf"))
                    .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(turtle(12_000))).build();
            var veto = new VetoSecond();
            dbms.managementService().registerTransactionEventListener("neo4j", veto);
            HttpResponse<String> failed;
            try {
                failed = http.send(request, HttpResponse.BodyHandlers.ofString());
            } finally {
                dbms.managementService().unregisterTransactionEventListener("neo4j", veto);
            }
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.headers().firstValue("Retry-After")).isPresent();
            var problem = new ObjectMapper().readTree(failed.body());
            assertThat(problem.path("committedTransactions").asInt()).isEqualTo(1);
            assertThat(problem.path("transactions").asInt()).isEqualTo(2);
            assertThat(problem.path("detail").asText()).contains("send the same request again");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            var resumed = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
            assertThat(store.counts().entities()).isEqualTo(12_000);
            assertThat(store.counts().relationships()).isEqualTo(12_000);
        }
    }
}
