package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.testing.ApiClient;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.rdf.RdfImport;

/**
 * Finding: a JSON-LD export of a 60k-entity graph built the whole model in memory (1.8 GB of heap),
 * and three at once ran out of memory. Exports now stream from the store record by record (memory
 * does not grow with the graph) and at most {@code TAPROOT_EXPORT_CONCURRENCY} run at once; past
 * that, 503 with Retry-After.
 */
class GraphExportStreamsWithBoundedConcurrencyTest {

    @TempDir
    Path dir;
    SecuredServer server;

    @BeforeEach
    void start() {
        server = new SecuredServer(dir);
        var entities = new ArrayList<Entity>();
        var rels = new ArrayList<Relationship>();
        for (int i = 0; i < 2_000; i++) {
            entities.add(Entity.of("service/s" + i, "Service", "s" + i));
            if (i > 0) {
                rels.add(Relationship.of("DEPENDS_ON", "service/s" + i, "service/s" + (i - 1)));
            }
        }
        server.taproot.store().upsertEntities(entities);
        server.taproot.store().upsertRelationships(rels);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theJsonLdExportOfTheWholeGraphIsStreamedAndComplete() {
        var r = server.as(SecuredServer.READ).get("/api/v1/export?format=jsonld");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        var back = RdfImport.read(r.body().getBytes(StandardCharsets.UTF_8), Lang.JSONLD, "urn:test:");
        assertThat(back.batch().entities()).hasSize(2_000);
        assertThat(back.batch().relationships()).hasSize(1_999);
    }

    @Test
    void pastTheConcurrencyBoundAnExportIs503WithRetryAfter() {
        var gate = server.server.exports();
        List<Boolean> taken = new ArrayList<>();
        while (gate.tryEnter()) {
            taken.add(true);
        }
        try {
            var r = server.as(SecuredServer.READ).get("/api/v1/export?format=jsonld");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiClient.json(r).path("detail").asText()).contains("export");
        } finally {
            taken.forEach(t -> gate.leave());
        }
        assertThat(server.as(SecuredServer.READ).get("/api/v1/export?format=ntriples").statusCode()).isEqualTo(200);
    }
}
