package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.graph.neo4j.Neo4jGraphStore;
import dev.taproot.graph.testing.TestStores;

/**
 * Finding (critical): a read token read {@code /etc/passwd} and {@code /proc/self/environ} through the
 * explorer's Cypher console, because a string literal holding {@code //} hid the rest of the statement
 * from the guard and the planner classes {@code LOAD CSV} as read-only.
 */
class ReadTokenCannotReadFilesOrReachLocalServicesTest {

    static final String TOKEN = "regression-read-token-000001";
    @TempDir
    static Path dir;
    static TaprootServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        Taproot taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, SecurityConfig.withToken("r", Role.READ, TOKEN)));
        api = new ApiClient(server.port(), TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static java.net.http.HttpResponse<String> cypher(String query, Map<String, String> params) {
        var body = JsonNodeFactory.instance.objectNode().put("query", query);
        var p = body.putObject("params");
        params.forEach(p::put);
        return api.post("/api/v1/explorer/cypher", "application/json", body.toString());
    }

    @Test
    void aLiteralHoldingTwoSlashesNoLongerHidesLoadCsv() {
        for (String q : List.of("WITH '//' AS x LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 3",
                "WITH \"//\" AS x LOAD CSV FROM 'file:///proc/self/environ' AS l RETURN l",
                "WITH '/*' AS a LOAD CSV FROM 'file:///etc/passwd' AS l WITH l, '*/' AS b RETURN l",
                "WITH 1 AS x /* ' */ lOaD\n\tcSv FROM 'file:///etc/passwd' AS l RETURN l",
                "CALL () { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l")) {
            var r = cypher(q, Map.of());
            assertThat(r.statusCode()).as(q).isEqualTo(403);
            assertThat(r.body()).as(q).doesNotContain("root:", "TAPROOT_");
        }
    }

    @Test
    void loadCsvFromAUrlReachesNoLocalService() throws Exception {
        try (var listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1500);
            var accepted = new AtomicInteger();
            var t = Thread.ofVirtual().start(() -> {
                try (var s = listener.accept()) {
                    accepted.incrementAndGet();
                } catch (Exception ignored) {
                    // timeout: nobody connected
                }
            });
            var r = cypher("LOAD CSV FROM $u AS l RETURN l", Map.of("u", "http://127.0.0.1:" + listener.getLocalPort() + "/"));
            t.join();
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(accepted.get()).isZero();
        }
    }

    @Test
    void theEmbeddedDbmsItselfRefusesFileUrlsEvenToItsOwner() {
        var neo = TestStores.embedded().unwrap(Neo4jGraphStore.class).orElseThrow();
        try (var s = neo.driver().session()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> s.run("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 1").list())
                    .hasMessageContaining("file");
        }
    }

    @Test
    void onlyReadOperatorsAndSchemaProceduresPassThePlanCheck() {
        for (String q : List.of("CALL db.info()", "CALL db.ping()", "CALL tx.getMetaData()", "CALL db.awaitIndexes(1)")) {
            assertThat(cypher(q, Map.of()).statusCode()).as(q).isEqualTo(403);
        }
        for (String q : List.of("CALL db.labels() YIELD label RETURN label",
                "MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS t, count(*) AS n ORDER BY n DESC LIMIT 5",
                "MATCH p = shortestPath((a:Entity {name: 'frontend'})-[*..4]-(b:Entity {name: 'paymentservice'})) RETURN length(p) AS hops",
                "OPTIONAL MATCH (n:Entity {name: 'nope'}) RETURN n",
                "UNWIND [1, 2, 3] AS x WITH x WHERE x > 1 RETURN collect(x) AS xs",
                "MATCH (n:Entity) WHERE n.name STARTS WITH 'cart' RETURN DISTINCT n.name AS name",
                "MATCH (n:Entity) WHERE n.name =~ 'cart.*' RETURN n.name AS name LIMIT 1",
                "MATCH (n:Entity) RETURN n.name AS name UNION MATCH (n:Entity) RETURN n.key AS name")) {
            var r = cypher(q, Map.of());
            assertThat(r.statusCode()).as(q + " -> " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void healthNoLongerAdvertisesTheBoltPort() {
        var health = api.get("/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("bolt://", "7687").contains("embedded Neo4j");
    }

    @Test
    void unboundedRegularExpressionsAreRefusedBeforeTheyRun() {
        assertThat(cypher("MATCH (n:Entity) WHERE n.name =~ '(a+)+$' RETURN n", Map.of()).statusCode()).isEqualTo(403);
        assertThat(cypher("MATCH (n:Entity) WHERE n.name =~ $p RETURN n", Map.of("p", "(x|xx)*y")).statusCode()).isEqualTo(403);
        assertThat(cypher("MATCH (n:Entity) WHERE n.name =~ ('(a' + '+)+') RETURN n", Map.of()).statusCode()).isEqualTo(403);
        var ok = cypher("MATCH (n:Entity) WHERE n.name =~ $p RETURN n.name AS name", Map.of("p", "pay.*"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("paymentservice");
    }

    @Test
    void sparqlRegularExpressionsMustBeBoundedConstants() {
        String prefix = "PREFIX tp: <https://taproot.dev/ns#> PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ";
        for (String bad : List.of("SELECT ?n WHERE { ?s tp:name ?n FILTER regex(?n, \"(a+)+$\") }",
                "SELECT ?n WHERE { ?s tp:name ?n FILTER regex(?n, ?n) }",
                "SELECT (replace(?n, \"(x|xx)*y\", \"\") AS ?r) WHERE { ?s tp:name ?n }",
                "SELECT ?n WHERE { ?s tp:name ?n FILTER fn:matches(?n, \"a\") }")) {
            var r = api.post("/api/v1/explorer/sparql", "application/sparql-query", prefix + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(403);
        }
        var ok = api.post("/api/v1/explorer/sparql", "application/sparql-query",
                prefix + "SELECT ?n WHERE { ?s tp:name ?n FILTER regex(?n, \"^pay.*\", \"i\") }");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("paymentservice");
    }
}
