package dev.taproot.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.metrics.PrometheusSource;

/** The Tempo client against recorded {@code /api/search} and {@code /api/traces/<id>} answers served over real HTTP. */
class TempoSourceTest {

    static final Instant WINDOW_START = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-12-04T10:10:00Z");
    static final Instant FROM = WINDOW_START.minus(Duration.ofHours(1));

    private final RecordedBackend tempo = new RecordedBackend().serve("/api/search", "tempo/search.json")
            .route("/api/traces/", x -> RecordedBackend.Answer.of("tempo/trace-"
                    + x.getRequestURI().getPath().substring("/api/traces/".length()) + ".json"));

    @AfterEach
    void stop() {
        tempo.close();
    }

    private TempoSource source(LiveEndpoint endpoint) {
        return new TempoSource(endpoint, 0);
    }

    private LiveEndpoint endpoint() {
        return LiveEndpoint.of("tempo", "traces", tempo.url());
    }

    @Test
    void searchesByServiceNameInSecondsThenFetchesEachTraceWithBase64IdsReadAsHex() throws Exception {
        LiveTelemetry fetched = source(endpoint()).fetch(List.of("web", "cart"), FROM, WINDOW_END);

        assertThat(fetched.summary()).isEqualTo("8 traces, 24 spans");
        assertThat(tempo.seen().getFirst().uri().getQuery()).startsWith("tags=service.name=web&start=" + FROM.getEpochSecond());
        assertThat(tempo.seen()).filteredOn(r -> r.uri().getPath().startsWith("/api/traces/")).hasSize(8)
                .allSatisfy(r -> assertThat(r.uri().getPath()).matches("/api/traces/[0-9a-f]{32}"));
        assertThat(fetched.spans()).allSatisfy(s -> assertThat(s.traceId()).matches("[0-9a-f]{32}"));
        assertThat(fetched.spans()).filteredOn(s -> s.service().equals("cart")).allSatisfy(s ->
                assertThat(s.parentSpanId()).matches("[0-9a-f]{16}"));
    }

    @Test
    void theFailingCartCalleeGetsTheErrorSignalAndTheCallEdgeIsLearnt() throws Exception {
        GraphBatch batch = Detected.signals(source(endpoint()).fetch(List.of("web"), FROM, WINDOW_END), WINDOW_START, WINDOW_END);

        assertThat(batch.signals()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("ErrorSpan");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("cart"));
            assertThat(s.attributes().get("status")).isEqualTo("UNAVAILABLE");
        });
        assertThat(batch.relationships()).filteredOn(r -> r.type().equals(RelationshipTypes.CALLS))
                .extracting(r -> r.fromKey() + "->" + r.toKey())
                .containsExactly(EntityKeys.service("web") + "->" + EntityKeys.service("cart"));
    }

    @Test
    void basicCredentialsAreSentAndARefusalIsAClearProblem() {
        tempo.requireAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString("reader:s3cret".getBytes()));
        var wrong = new LiveEndpoint("tempo", "traces", tempo.url(), new PrometheusSource.Auth(null, "reader", "nope"), null, 0);

        assertThatThrownBy(() -> source(wrong).fetch(List.of("web"), FROM, WINDOW_END))
                .hasMessageContaining("tempo 'traces'").hasMessageContaining("/api/search?tags=")
                .hasMessageContaining("answered HTTP 401").hasMessageNotContaining("nope");
    }

    @Test
    void aSlowTraceStoreIsCutAtTheDeadlineOfTheWholeFetch() {
        tempo.delay(400);
        var endpoint = new LiveEndpoint("tempo", "traces", tempo.url(), null, Duration.ofMillis(1_000), 0);

        long started = System.nanoTime();
        assertThatThrownBy(() -> source(endpoint).fetch(List.of("web"), FROM, WINDOW_END))
                .hasMessageContaining("within the source's deadline of 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void anAnswerThatIsNotASearchResponseNamesTheSourceAndUrl() {
        tempo.route("/api/search", x -> new RecordedBackend.Answer(200, "{\"status\":\"ok\"}".getBytes()));

        assertThatThrownBy(() -> source(endpoint()).fetch(List.of("web"), FROM, WINDOW_END))
                .hasMessageContaining("tempo 'traces'").hasMessageContaining("has no 'traces' list");
    }
}
