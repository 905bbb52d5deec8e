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

/** The Jaeger query API client against recorded {@code /api/traces} answers served over real HTTP. */
class JaegerSourceTest {

    static final Instant WINDOW_START = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-12-04T10:10:00Z");
    static final Instant FROM = WINDOW_START.minus(Duration.ofHours(1));

    private final RecordedBackend jaeger = new RecordedBackend().serve("/api/traces", "jaeger/traces.json");

    @AfterEach
    void stop() {
        jaeger.close();
    }

    private JaegerSource source(PrometheusSource.Auth auth, Duration deadline, long maxBytes) {
        return new JaegerSource(new LiveEndpoint("jaeger", "prod", jaeger.url(), auth, deadline, maxBytes), 50);
    }

    @Test
    void eachServiceIsAskedOverTheRangeInMicrosecondsAndEachTraceIsKeptOnce() throws Exception {
        LiveTelemetry fetched = source(null, null, 0).fetch(List.of("web", "orders", "payments"), FROM, WINDOW_END);

        assertThat(fetched.summary()).isEqualTo("36 traces, 180 spans");
        assertThat(fetched.spans()).extracting(s -> s.service()).containsOnly("web", "orders", "payments");
        assertThat(jaeger.seen()).hasSize(3).allSatisfy(r -> assertThat(r.uri().getRawQuery())
                .contains("start=" + FROM.getEpochSecond() + "000000").contains("end=" + WINDOW_END.getEpochSecond() + "000000")
                .contains("limit=50"));
        assertThat(jaeger.seen()).extracting(r -> r.uri().getQuery().replaceAll("&.*", ""))
                .containsExactly("service=web", "service=orders", "service=payments");
    }

    @Test
    void failingPaymentSpansBecomeAnErrorSignalOnPaymentsAndItsSlownessALatencyAnomaly() throws Exception {
        GraphBatch batch = Detected.signals(source(null, null, 0).fetch(List.of("web"), FROM, WINDOW_END),
                WINDOW_START, WINDOW_END);

        assertThat(batch.signals()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("ErrorSpan");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("payments"));
            assertThat(s.attributes().get("status")).isEqualTo("HTTP 503");
        });
        assertThat(batch.signals()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("LatencyAnomaly");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("payments"));
        });
        assertThat(batch.relationships()).filteredOn(r -> r.type().equals(RelationshipTypes.CALLS))
                .extracting(r -> r.fromKey() + "->" + r.toKey())
                .contains(EntityKeys.service("web") + "->" + EntityKeys.service("orders"),
                        EntityKeys.service("orders") + "->" + EntityKeys.service("payments"));
    }

    @Test
    void aServiceTheBackendRefusesIsNotedAndTheOthersGoOn() throws Exception {
        jaeger.route("/api/traces", x -> x.getRequestURI().getQuery().contains("service=nosuch")
                ? new RecordedBackend.Answer(500, RecordedBackend.resource("jaeger/error-500.json"))
                : RecordedBackend.Answer.of("jaeger/traces.json"));

        LiveTelemetry fetched = source(null, null, 0).fetch(List.of("nosuch", "web"), FROM, WINDOW_END);

        assertThat(fetched.spans()).hasSize(180);
        assertThat(fetched.notes()).singleElement().asString().contains("jaeger 'prod'").contains("HTTP 500")
                .contains("/api/traces?service=nosuch").contains("not found in the storage backend");
    }

    @Test
    void aBackendPastTheDeadlineIsReportedWithTheDeadline() {
        jaeger.delay(3_000);

        assertThatThrownBy(() -> source(null, Duration.ofMillis(300), 0).fetch(List.of("web"), FROM, WINDOW_END))
                .isInstanceOf(LiveSourceException.class)
                .hasMessageContaining("jaeger 'prod'").hasMessageContaining("did not answer within the source's deadline of 300 ms")
                .satisfies(e -> assertThat(((LiveSourceException) e).wholeSource()).isTrue());
    }

    @Test
    void anAnswerOverTheByteCapIsAbandonedAndReported() {
        assertThatThrownBy(() -> source(null, null, 10_000).fetch(List.of("web"), FROM, WINDOW_END))
                .isInstanceOf(LiveSourceException.class)
                .hasMessageContaining("is larger than 10000 bytes (the source's maxBytes)");
    }

    @Test
    void refusedCredentialsAreAClearProblemAndTheTokenIsSentAsBearer() throws Exception {
        jaeger.requireAuthorization("Bearer right-token");

        assertThatThrownBy(() -> source(new PrometheusSource.Auth("wrong-token", null, null), null, 0)
                .fetch(List.of("web", "orders"), FROM, WINDOW_END))
                .isInstanceOf(LiveSourceException.class)
                .hasMessageContaining("jaeger 'prod'").hasMessageContaining("answered HTTP 401")
                .hasMessageContaining("the configured credentials were refused")
                .hasMessageNotContaining("wrong-token");
        assertThat(jaeger.seen()).hasSize(1);

        LiveTelemetry fetched = source(new PrometheusSource.Auth("right-token", null, null), null, 0)
                .fetch(List.of("web"), FROM, WINDOW_END);
        assertThat(fetched.spans()).isNotEmpty();
    }

    @Test
    void atMostTwentyFiveServicesAreAskedOneByOneAndTheRestNoted() throws Exception {
        var names = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "svc-" + i).toList();

        LiveTelemetry fetched = source(null, null, 0).fetch(names, FROM, WINDOW_END);

        assertThat(jaeger.seen()).hasSize(PerService.MAX_SERVICES);
        assertThat(fetched.notes()).containsExactly("asked for the first 25 of 40 names; the others were not asked");
    }
}
