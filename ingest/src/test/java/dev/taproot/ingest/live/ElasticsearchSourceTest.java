package dev.taproot.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.ingest.JsonInputs;

/** The Elasticsearch / OpenSearch client against a recorded {@code _search} answer served over real HTTP. */
class ElasticsearchSourceTest {

    static final Instant WINDOW_START = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-12-04T10:10:00Z");
    static final Instant FROM = WINDOW_START.minus(Duration.ofHours(1));

    private final RecordedBackend elastic = new RecordedBackend().serve("/logs-*/_search", "elasticsearch/search.json");

    @AfterEach
    void stop() {
        elastic.close();
    }

    private ElasticsearchSource source() {
        return new ElasticsearchSource(LiveEndpoint.of("elasticsearch", "elk", elastic.url()), null);
    }

    @Test
    void theSearchFiltersOnEcsServiceLevelAndTimeNewestFirst() throws Exception {
        LiveTelemetry fetched = source().fetch(List.of("orders", "web"), FROM, WINDOW_END);

        assertThat(fetched.summary()).isEqualTo("10 log lines");
        assertThat(fetched.logs()).allSatisfy(r -> {
            assertThat(r.labels()).containsEntry("service.name", "orders").containsEntry("k8s.pod.name", "orders-7c9f8d6b4-lm9wz");
            assertThat(r.level()).isEqualTo("ERROR");
        });
        var request = elastic.seen().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/logs-*/_search");
        JsonNode body = JsonInputs.mapper().readTree(request.body());
        JsonNode filter = body.path("query").path("bool").path("filter");
        assertThat(filter.get(0).path("terms").path("service.name").toString()).isEqualTo("[\"orders\",\"web\"]");
        assertThat(filter.get(1).path("terms").path("log.level").toString()).contains("\"error\"", "\"FATAL\"");
        assertThat(filter.get(2).path("range").path("@timestamp").path("gte").asText()).isEqualTo(FROM.toString());
        assertThat(body.path("sort").get(0).path("@timestamp").path("order").asText()).isEqualTo("desc");
    }

    @Test
    void errorLinesBecomeAnErrorLogSignalOnTheService() throws Exception {
        GraphBatch batch = Detected.signals(source().fetch(List.of("orders"), FROM, WINDOW_END), WINDOW_START, WINDOW_END);

        assertThat(batch.signals()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("ErrorLogSpike");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("orders"));
            assertThat(s.attributes().get("example").toString()).contains("inventory service returned 503");
        });
    }

    @Test
    void customFieldsAndIndexAreUsed() throws Exception {
        var options = new ElasticsearchSource.Options("app-logs-*", "kubernetes.labels.app", "severity", "ts", "msg",
                List.of("E"), 50);
        elastic.serve("/app-logs-*/_search", "elasticsearch/search.json");

        new ElasticsearchSource(LiveEndpoint.of("elasticsearch", "elk", elastic.url()), options)
                .fetch(List.of("orders"), FROM, WINDOW_END);

        String body = elastic.seen().getFirst().body();
        assertThat(body).contains("\"kubernetes.labels.app\":[\"orders\"]", "\"severity\":[\"E\"]", "\"ts\":{\"gte\"",
                "\"size\":50");
    }

    @Test
    void missingCredentialsAreAClearProblemWithAShortExcerptOfTheAnswer() {
        elastic.route("/logs-*/_search", x -> new RecordedBackend.Answer(401,
                RecordedBackend.resource("elasticsearch/error-401.json")));

        assertThatThrownBy(() -> source().fetch(List.of("orders"), FROM, WINDOW_END))
                .isInstanceOf(LiveSourceException.class)
                .hasMessageContaining("elasticsearch 'elk'").hasMessageContaining("answered HTTP 401")
                .hasMessageContaining("no credentials are configured")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(500));
    }
}
