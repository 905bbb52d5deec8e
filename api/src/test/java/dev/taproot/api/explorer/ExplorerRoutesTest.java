package dev.taproot.api.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.graph.testing.TestStores;

class ExplorerRoutesTest {

    static final String TOKEN = "explorer-test-token-0000001";
    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, SecurityConfig.withToken("t", Role.READ, TOKEN)));
        api = new ApiClient(server.port(), TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void searchFindsByNameAliasAndTypo() {
        var exact = ApiClient.json(api.get("/api/v1/explorer/entities?q=cartservice"));
        assertThat(exact.at("/hits/0/key").asText()).isEqualTo("service/cartservice");
        var alias = ApiClient.json(api.get("/api/v1/explorer/entities?q=cartservice.default.svc"));
        assertThat(alias.at("/hits/0/key").asText()).isEqualTo("service/cartservice");
        var typo = ApiClient.json(api.get("/api/v1/explorer/entities?q=cartservce"));
        assertThat(typo.at("/hits/0/name").asText()).isEqualTo("cartservice");
        assertThat(typo.at("/hits/0/match").asText()).startsWith("fuzzy");
    }

    @Test
    void unknownEntityIsA404ProblemNamingIt() {
        var r = api.get("/api/v1/explorer/neighbourhood?entity=zzzzzzzzzzzzzzzzzzzz");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(r).get("detail").asText()).contains("zzzzzzzzzzzzzzzzzzzz");
    }

    @Test
    void neighbourhoodRespectsDepthAndFilters() {
        var one = ApiClient.json(api.get("/api/v1/explorer/neighbourhood?entity=cartservice&depth=1"));
        assertThat(texts(one.get("nodes"), "key")).contains("service/cartservice", "service/redis-cart",
                "service/checkoutservice", "k8s/default/Deployment/cartservice").doesNotContain("service/paymentservice");
        var onlyServices = ApiClient.json(api.get("/api/v1/explorer/neighbourhood?entity=cartservice&depth=2&types=Service"));
        assertThat(texts(onlyServices.get("nodes"), "type")).containsOnly("Service");
        var onlySelects = ApiClient.json(api.get("/api/v1/explorer/neighbourhood?entity=cartservice&depth=3&relationships=SELECTS"));
        assertThat(texts(onlySelects.get("edges"), "type")).containsOnly("SELECTS");
        assertThat(api.get("/api/v1/explorer/neighbourhood?entity=cartservice&depth=4").statusCode()).isEqualTo(400);
    }

    @Test
    void pathsRunThroughTheCallers() {
        var paths = ApiClient.json(api.get("/api/v1/explorer/paths?from=redis-cart&to=paymentservice"));
        assertThat(texts(paths.get("nodes"), "key")).contains("service/redis-cart", "service/cartservice",
                "service/checkoutservice", "service/paymentservice");
        assertThat(paths.get("edges").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void blastRadiusHoldsEverythingThatDependsOnTheEntity() {
        var blast = ApiClient.json(api.get("/api/v1/explorer/blast-radius?entity=redis-cart"));
        assertThat(texts(blast.get("nodes"), "key")).contains("service/cartservice", "service/checkoutservice",
                "service/frontend").doesNotContain("service/paymentservice", "service/currencyservice");
    }

    @Test
    void timelineListsTheAlertsOnTheServiceAndItsPods() {
        var t = ApiClient.json(api.get("/api/v1/explorer/timeline?entity=paymentservice"));
        assertThat(texts(t.get("events"), "name")).contains("KubePodCrashLooping");
        assertThat(api.get("/api/v1/explorer/timeline?entity=paymentservice&from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void healthScoresGiveReasons() {
        var all = ApiClient.json(api.get("/api/v1/explorer/health?at=2026-01-15T10:01:00Z"));
        JsonNode worst = all.at("/services/0");
        assertThat(worst.get("score").asInt()).isLessThan(100);
        assertThat(worst.get("reasons").size()).isPositive();
        var payment = ApiClient.json(api.get("/api/v1/explorer/health?entity=paymentservice&at=2026-01-15T10:01:00Z"));
        assertThat(payment.get("score").asInt()).isBetween(0, 99);
        assertThat(texts(payment.get("reasons"), "reason")).anySatisfy(r -> assertThat(r).contains("CrashLoop"));
        var quiet = ApiClient.json(api.get("/api/v1/explorer/health?entity=adservice&at=2026-01-15T10:01:00Z"));
        assertThat(quiet.get("score").asInt()).isEqualTo(100);
    }

    @Test
    void cypherReadsAndRefusesWritesAdminAndFiles() {
        var ok = api.post("/api/v1/explorer/cypher", "application/json",
                "{\"query\": \"MATCH (n:Entity {name: $name}) RETURN n.key AS key ORDER BY key\", \"params\": {\"name\": \"cartservice\"}}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(ok).at("/rows/0/key").asText()).isEqualTo("k8s/default/Deployment/cartservice");
        for (String bad : List.of("CREATE (n:Entity {key: 'x'}) RETURN n", "MATCH (n) DETACH DELETE n",
                "MATCH (n) SET n.x = 1 RETURN n", "CALL dbms.components()", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "CREATE INDEX foo FOR (n:Entity) ON (n.x)", "USE system SHOW USERS",
                "MATCH (n) CALL (n) { SET n.y = 1 } IN TRANSACTIONS RETURN 1")) {
            var r = api.post("/api/v1/explorer/cypher", "application/json", "{\"query\": \"" + bad + "\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(403);
        }
        assertThat(ApiClient.json(api.get("/api/v1/explorer/entities?q=x")).get("hits").toString()).doesNotContain("\"key\":\"x\"");
        var broken = api.post("/api/v1/explorer/cypher", "application/json", "{\"query\": \"MATCH (n RETURN n\"}");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("at org.");
    }

    @Test
    void cypherCapsRows() {
        var r = ApiClient.json(api.post("/api/v1/explorer/cypher", "application/json",
                "{\"query\": \"UNWIND range(1, 5000) AS i RETURN i\"}"));
        assertThat(r.get("rows").size()).isEqualTo(CypherConsole.DEFAULT_MAX_ROWS);
        assertThat(r.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void sparqlSelectAskAndConstructOverTheVocabulary() {
        String select = "PREFIX tp: <https://taproot.dev/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?name WHERE { ?s tp:DEPENDS_ON ?d . ?d tp:name \"redis-cart\" . ?s tp:name ?name }";
        var r = api.post("/api/v1/explorer/sparql", "application/sparql-query", select);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+json");
        assertThat(r.body()).contains("cartservice");
        var sub = api.post("/api/v1/explorer/sparql", "application/sparql-query",
                "PREFIX tp: <https://taproot.dev/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                        + "ASK { ?w a/rdfs:subClassOf* tp:Workload ; tp:name \"cartservice\" }");
        assertThat(ApiClient.json(sub).get("boolean").asBoolean()).isTrue();
        var construct = api.post("/api/v1/explorer/sparql", "application/sparql-query",
                "PREFIX tp: <https://taproot.dev/ns#> CONSTRUCT { ?a tp:DEPENDS_ON ?b } WHERE { ?a tp:DEPENDS_ON ?b }");
        assertThat(construct.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        assertThat(construct.body()).contains("DEPENDS_ON");
        var incidents = api.post("/api/v1/explorer/sparql", "application/sparql-query",
                "PREFIX tp: <https://taproot.dev/ns#> ASK { ?i a tp:Incident ; tp:ROOT_CAUSE/tp:name \"paymentservice\" }");
        assertThat(ApiClient.json(incidents).get("boolean").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/explorer/sparql", "application/sparql-query",
                "INSERT DATA { <urn:a> <urn:b> <urn:c> }").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/explorer/sparql", "application/sparql-query",
                "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }").statusCode()).isEqualTo(403);
    }

    static final String AT = "2026-01-15T10:01:00Z";

    @Test
    void graphFoldsWorkloadsIntoTheirServiceAndColoursEveryNodeByHealth() {
        var r = api.get("/api/v1/explorer/graph?entity=cartservice&depth=1&at=" + AT);
        var g = ApiClient.json(r);
        assertThat(g.get("root").asText()).isEqualTo("service/cartservice");
        List<String> keys = texts(g.get("nodes"), "key");
        assertThat(keys).contains("service/cartservice", "service/redis-cart", "service/checkoutservice")
                .doesNotContain("k8s/default/Deployment/cartservice").doesNotHaveDuplicates();
        JsonNode cart = g.get("nodes").get(keys.indexOf("service/cartservice"));
        assertThat(texts(cart.get("members"), "key")).contains("k8s/default/Deployment/cartservice");
        g.get("nodes").forEach(n -> assertThat(n.get("status").asText()).isIn("healthy", "degraded", "unhealthy"));
        assertThat(g.get("edges")).allSatisfy(e -> assertThat(keys).contains(e.get("from").asText(), e.get("to").asText()));
        assertThat(texts(g.get("edges"), "from")).anySatisfy(f -> assertThat(f).isEqualTo("service/checkoutservice"));
        var payment = ApiClient.json(api.get("/api/v1/explorer/graph?entity=checkoutservice&at=" + AT));
        JsonNode p = payment.get("nodes").get(texts(payment.get("nodes"), "key").indexOf("service/paymentservice"));
        assertThat(p.get("score").asInt()).isEqualTo(ApiClient.json(api.get("/api/v1/explorer/health?entity=paymentservice&at=" + AT))
                .get("score").asInt()).isLessThan(100);
        assertThat(api.get("/api/v1/explorer/graph?entity=cartservice&depth=3").statusCode()).isEqualTo(400);
    }

    @Test
    void aPodIsDrawnAsItsService() {
        var g = ApiClient.json(api.get("/api/v1/explorer/graph?entity=k8s/default/Pod/paymentservice-7c9d8b6f54-x2x7q&at=" + AT));
        assertThat(g.get("root").asText()).isEqualTo("service/paymentservice");
        JsonNode payment = g.get("nodes").get(texts(g.get("nodes"), "key").indexOf("service/paymentservice"));
        assertThat(texts(payment.get("members"), "type")).contains("Deployment", "Pod");
        assertThat(texts(g.get("nodes"), "key")).noneSatisfy(k -> assertThat(k).contains("/Pod/"));
    }

    @Test
    void graphFollowsAt() {
        var before = ApiClient.json(api.get("/api/v1/explorer/graph?entity=checkoutservice&at=2026-01-15T08:00:00Z"));
        var during = ApiClient.json(api.get("/api/v1/explorer/graph?entity=checkoutservice&at=" + AT));
        assertThat(before.get("at").asText()).isEqualTo("2026-01-15T08:00:00Z");
        int i = texts(during.get("nodes"), "key").indexOf("service/paymentservice");
        assertThat(during.at("/nodes/" + i + "/status").asText()).isNotEqualTo("healthy");
        before.get("nodes").forEach(n -> assertThat(n.get("score").asInt()).isEqualTo(100));
    }

    @Test
    void nodePanelHasPropertiesMembersHealthSignalsIncidentsAndBlastRadius() {
        var r = api.get("/api/v1/explorer/node?entity=paymentservice&at=" + AT);
        var n = ApiClient.json(r);
        assertThat(n.get("key").asText()).isEqualTo("service/paymentservice");
        assertThat(n.get("properties").isObject()).isTrue();
        assertThat(n.get("at").asText()).isEqualTo(AT);
        assertThat(n.at("/health/score").asInt()).isLessThan(100);
        assertThat(texts(n.at("/health/reasons"), "reason")).anySatisfy(x -> assertThat(x).contains("CrashLoop"));
        assertThat(texts(n.get("signals"), "name")).contains("KubePodCrashLooping");
        assertThat(texts(n.get("members"), "type")).contains("Deployment");
        assertThat(texts(n.get("blastRadius"), "key")).contains("service/checkoutservice");
        assertThat(n.get("incidents").isArray()).isTrue();
        assertThat(n.get("changes").isArray()).isTrue();
        var early = ApiClient.json(api.get("/api/v1/explorer/node?entity=paymentservice&at=2026-01-15T08:00:00Z"));
        assertThat(early.at("/health/score").asInt()).isEqualTo(100);
        assertThat(early.get("signals")).isEmpty();
        assertThat(api.get("/api/v1/explorer/node?entity=paymentservice&at=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void foldedPathsJoinTwoServices() {
        var p = ApiClient.json(api.get("/api/v1/explorer/graph/paths?from=paymentservice&to=frontend&at=" + AT));
        assertThat(texts(p.get("nodes"), "key")).contains("service/paymentservice", "service/checkoutservice", "service/frontend")
                .allSatisfy(k -> assertThat(k).startsWith("service/"));
        assertThat(p.get("edges").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theNewExplorerRoutesAreDocumentedForTheReadRole() {
        var doc = ApiClient.json(api.get("/api/openapi.json"));
        for (String path : List.of("graph", "graph~1paths", "node")) {
            assertThat(doc.at("/paths/~1api~1v1~1explorer~1" + path + "/get/x-taproot-role").asText()).isEqualTo("read");
        }
        assertThat(api.withToken("wrong-token-000000000000").get("/api/v1/explorer/node?entity=cartservice").statusCode()).isEqualTo(401);
    }

    @Test
    void cypherNodesAndRelationshipsCarryIdsSoTheRowsCanBeDrawn() {
        var r = ApiClient.json(api.post("/api/v1/explorer/cypher", "application/json",
                "{\"query\": \"MATCH (a:Entity {key: 'service/cartservice'})-[r:DEPENDS_ON]->(b) RETURN a, r, b\"}"));
        JsonNode row = r.at("/rows/0");
        assertThat(row.at("/a/id").asText()).isNotBlank();
        assertThat(row.at("/r/start").asText()).isEqualTo(row.at("/a/id").asText());
        assertThat(row.at("/r/end").asText()).isEqualTo(row.at("/b/id").asText());
    }
}
