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

/** The Loki client against a recorded {@code query_range} stream answer served over real HTTP. */
class LokiSourceTest {

    static final Instant WINDOW_START = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-12-04T10:10:00Z");
    static final Instant FROM = WINDOW_START.minus(Duration.ofHours(1));

    private final RecordedBackend loki = new RecordedBackend().serve("/loki/api/v1/query_range", "loki/query_range.json");

    @AfterEach
    void stop() {
        loki.close();
    }

    private LokiSource source() {
        return new LokiSource(LiveEndpoint.of("loki", "logs", loki.url()), LokiSource.Options.DEFAULTS);
    }

    @Test
    void oneQueryAsksForTheErrorLinesOfEveryServiceInNanoseconds() throws Exception {
        LiveTelemetry fetched = source().fetch(List.of("orders", "web.v2"), FROM, WINDOW_END);

        assertThat(fetched.summary()).isEqualTo("14 log lines");
        assertThat(loki.seen()).singleElement().satisfies(r -> assertThat(r.uri().getQuery())
                .contains("query={service_name=~\"orders|web\\\\.v2\"} |~ \"(?i)(error|exception|fatal|panic|fail)\"")
                .contains("start=" + FROM.getEpochSecond() + "000000000")
                .contains("end=" + WINDOW_END.getEpochSecond() + "000000000")
                .contains("limit=2000").contains("direction=backward"));
    }

    @Test
    void errorLinesNewInTheWindowBecomeAnErrorLogSignalOnTheService() throws Exception {
        GraphBatch batch = Detected.signals(source().fetch(List.of("orders"), FROM, WINDOW_END), WINDOW_START, WINDOW_END);

        assertThat(batch.signals()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("ErrorLogSpike");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("orders"));
            assertThat(s.attributes().get("count")).hasToString("12");
            assertThat(s.attributes().get("example").toString()).contains("charge failed");
        });
        assertThat(batch.signals()).noneSatisfy(s -> assertThat(s.attributes().get("example").toString()).contains("slow query"));
    }

    @Test
    void aLogQlMistakeIsReportedWithLokisShortAnswer() {
        loki.route("/loki/api/v1/query_range", x -> new RecordedBackend.Answer(400,
                "parse error at line 1, col 15: syntax error: unexpected IDENTIFIER\n".getBytes()));

        assertThatThrownBy(() -> source().fetch(List.of("orders"), FROM, WINDOW_END))
                .hasMessageContaining("loki 'logs'").hasMessageContaining("answered HTTP 400")
                .hasMessageContaining("parse error at line 1");
    }

    @Test
    void anOversizeAnswerIsAbandoned() {
        var small = new LokiSource(new LiveEndpoint("loki", "logs", loki.url(), null, null, 1_000), null);

        assertThatThrownBy(() -> small.fetch(List.of("orders"), FROM, WINDOW_END))
                .hasMessageContaining("larger than 1000 bytes");
    }

    @Test
    void aServiceLabelThatIsNotALabelNameIsRefused() {
        assertThatThrownBy(() -> new LokiSource.Options("service-name", null, 0))
                .hasMessageContaining("not a Loki label name");
    }

    @Test
    void aNameCannotWidenTheSelector() {
        String query = source().query(List.of("x\"} or {job=~\".*"));

        assertThat(query).startsWith("{service_name=~\"x\\\"\\\\} or \\\\{job=~\\\"\\\\.\\\\*\"}");
    }
}
