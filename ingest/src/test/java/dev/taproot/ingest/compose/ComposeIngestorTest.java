package dev.taproot.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.standard.StandardIngestors;

class ComposeIngestorTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static boolean edge(GraphWriter w, String from, String to) {
        return w.batch().relationships().stream().anyMatch(r -> r.type().equals("DEPENDS_ON")
                && r.fromKey().equals("service/" + from) && r.toKey().equals("service/" + to));
    }

    @Test
    void aRealComposeFileGivesEveryServiceAndItsDependsOn() throws Exception {
        Path file = SharedData.require("k8s-deathstarbench/hotelReservation/docker-compose.yml");
        var input = IngestInput.of(file, AT);
        assertThat(StandardIngestors.registry().detect(input)).get().extracting(i -> i.format()).isEqualTo("compose");
        var writer = new GraphWriter();
        var result = new ComposeIngestor().ingest(input, writer);
        assertThat(result.rejected()).isEmpty();
        assertThat(writer.batch().entities()).extracting(e -> e.name()).contains("frontend", "profile", "consul", "mongodb-profile");
        assertThat(edge(writer, "profile", "mongodb-profile")).isTrue();
        assertThat(edge(writer, "profile", "memcached-profile")).isTrue();
        assertThat(edge(writer, "frontend", "consul")).isTrue();
        assertThat(result.accepted().get("DEPENDS_ON")).isGreaterThan(10);
    }

    @Test
    void linksAndEnvironmentHostsAreDependenciesAndUnknownOnesAreRejectedWithTheirPath() throws Exception {
        String compose = """
                services:
                  web:
                    image: shop/web:1.4
                    links: ["cache:redis"]
                    environment:
                      ORDERS_URL: http://orders:8080/api
                      DB: postgres://db:5432/shop
                      MODE: production
                    depends_on:
                      queue: {condition: service_healthy}
                  orders:
                    image: shop/orders:2.0
                    environment: ["PAYMENT_ADDR=payments:50051", "TLS"]
                    deploy: {replicas: 3}
                  cache: {image: redis:7}
                  db: {image: postgres:16}
                """;
        var writer = new GraphWriter();
        var result = new ComposeIngestor().ingest(IngestInput.of("docker-compose.yml", compose), writer);
        assertThat(edge(writer, "web", "cache")).isTrue();
        assertThat(edge(writer, "web", "orders")).isTrue();
        assertThat(edge(writer, "web", "db")).isTrue();
        assertThat(writer.batch().relationships()).noneMatch(r -> r.toKey().equals("service/production"));
        assertThat(result.rejected()).extracting(Object::toString)
                .anySatisfy(r -> assertThat(r).contains("services.web.depends_on.queue").contains("no service named 'queue'"));
        assertThat(writer.batch().entities()).filteredOn(e -> e.name().equals("orders"))
                .singleElement().satisfies(e -> assertThat(e.properties()).containsEntry("replicas", 3L));
    }
}
