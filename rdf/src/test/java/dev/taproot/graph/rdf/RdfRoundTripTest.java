package dev.taproot.graph.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;

class RdfRoundTripTest {

    private static final Instant T = Instant.parse("2024-05-01T10:05:00Z");

    private static Subgraph shop() {
        var cart = new Entity("service/cartservice", "Service", "cartservice",
                Map.of("namespace", "shop", "ports", List.of("grpc:7070/TCP"), "replicas", 2L),
                Set.of("cartservice.shop.svc.cluster.local"), null, null);
        var redis = Entity.of("service/redis-cart", "Service", "redis-cart");
        var pod = Entity.of("k8s/shop/Pod/cartservice-7b9c6d8f5c-x2k4p", "Pod", "cartservice-7b9c6d8f5c-x2k4p");
        var oom = new Signal("k8s-status/x/OOMKilled", "OOMKilled", pod.key(), "OOMKilled", Severity.CRITICAL, T, null,
                Map.of("container", "server", "exitCode", 137L), "test");
        return new Subgraph(List.of(cart, redis, pod),
                List.of(Relationship.of("DEPENDS_ON", cart.key(), redis.key()), Relationship.of("SELECTS", cart.key(), pod.key())),
                List.of(oom));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TURTLE", "JSONLD", "NTRIPLES", "RDFXML"})
    void exportedGraphReadsBackToTheSameRecords(String syntax) {
        Lang lang = switch (syntax) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            default -> Lang.RDFXML;
        };
        Subgraph g = shop();
        String text = RdfExport.write(RdfExport.toModel(g), lang);
        RdfImport.Result back = RdfImport.read(text.getBytes(StandardCharsets.UTF_8), lang, "urn:test:");

        assertThat(back.problems()).isEmpty();
        assertThat(back.batch().entities()).containsExactlyInAnyOrderElementsOf(g.entities());
        assertThat(back.batch().relationships()).containsExactlyInAnyOrderElementsOf(g.relationships());
        assertThat(back.batch().signals()).containsExactlyInAnyOrderElementsOf(g.signals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TURTLE", "JSONLD", "NTRIPLES"})
    void aStreamedExportReadsBackToTheSameRecords(String syntax) {
        Lang lang = switch (syntax) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            default -> Lang.NTRIPLES;
        };
        Subgraph g = shop();
        var out = new java.io.ByteArrayOutputStream();
        try (var writer = RdfStreamWriter.open(out, lang)) {
            g.entities().forEach(writer::entity);
            g.relationships().forEach(writer::relationship);
            g.signals().forEach(writer::signal);
        }
        RdfImport.Result back = RdfImport.read(out.toByteArray(), lang, "urn:test:");

        assertThat(back.problems()).isEmpty();
        assertThat(back.batch().entities()).containsExactlyInAnyOrderElementsOf(g.entities());
        assertThat(back.batch().relationships()).containsExactlyInAnyOrderElementsOf(g.relationships());
        assertThat(back.batch().signals()).containsExactlyInAnyOrderElementsOf(g.signals());
    }

    @Test
    void theExportAnswersSparql() {
        var model = RdfExport.toModel(shop());
        String q = """
                PREFIX tp: <https://taproot.dev/ns#>
                SELECT ?name WHERE { ?s a tp:Service ; tp:DEPENDS_ON ?d . ?d tp:name ?name }
                """;
        try (var exec = QueryExecutionFactory.create(q, model)) {
            var rs = exec.execSelect();
            assertThat(rs.next().getLiteral("name").getString()).isEqualTo("redis-cart");
            assertThat(rs.hasNext()).isFalse();
        }
    }

    @Test
    void handWrittenTurtleMapsThroughTheVocabularyAndReportsWhatItCannot() {
        String ttl = """
                @prefix tp: <https://taproot.dev/ns#> .
                @prefix ex: <https://cmdb.example.com/ci/> .
                ex:orders a tp:Service ; tp:name "orders" ; tp:CALLS ex:payments ; tp:DEPENDS_ON ex:ordersdb .
                ex:payments a tp:Service ; tp:name "payments" .
                ex:ordersdb a tp:Database ; tp:name "orders-db" ; tp:engine "postgres" .
                ex:printer a tp:Toaster .
                """;
        RdfImport.Result r = RdfImport.read(ttl.getBytes(StandardCharsets.UTF_8), Lang.TURTLE, "urn:test:");
        assertThat(r.batch().entities()).extracting(Entity::key)
                .containsExactlyInAnyOrder("service/orders", "service/payments", "database/orders-db");
        assertThat(r.batch().relationships()).containsExactlyInAnyOrder(
                Relationship.of("CALLS", "service/orders", "service/payments"),
                Relationship.of("DEPENDS_ON", "service/orders", "database/orders-db"));
        assertThat(r.batch().entities()).filteredOn(e -> e.name().equals("orders-db")).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("engine", "postgres"));
        assertThat(r.problems()).singleElement().asString().contains("https://cmdb.example.com/ci/printer")
                .contains("Toaster");
    }

    @Test
    void rdfXmlExternalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:tp="https://taproot.dev/ns#">
                  <tp:Service rdf:about="https://x.example/a"><tp:name>&xxe;</tp:name></tp:Service>
                </rdf:RDF>
                """.formatted(secret.toUri());
        try {
            RdfImport.Result r = RdfImport.read(xml.getBytes(StandardCharsets.UTF_8), Lang.RDFXML, "urn:test:");
            assertThat(r.batch().entities().toString()).doesNotContain("TOP-SECRET-VALUE");
        } catch (RdfImport.SyntaxError refused) {
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET-VALUE");
        }
    }

    @Test
    void jsonLdWithARemoteContextIsRefusedNotFetched() {
        String doc = "{\"@context\": \"https://schema.org/\", \"@id\": \"https://x.example/a\", \"name\": \"a\"}";
        assertThatThrownBy(() -> RdfImport.read(doc.getBytes(StandardCharsets.UTF_8), Lang.JSONLD, "urn:test:"))
                .isInstanceOf(RdfImport.SyntaxError.class).hasMessageContaining("remote JSON-LD contexts");
    }
}
