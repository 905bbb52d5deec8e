package dev.taproot.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.traces.OtlpTraceParser;
import dev.taproot.ingest.traces.SpanSet;

/** Tempo's trace JSON in its shapes (v1 {@code batches}, v2 {@code trace.resourceSpans}; base64 or hex ids) as OTLP/JSON. */
class TempoTracesTest {

    private static final LiveEndpoint TEMPO = LiveEndpoint.of("tempo", "t", URI.create("http://tempo:3200"));
    private static final URI ASKED = URI.create("http://tempo:3200/api/traces/1");

    private static SpanSet parse(String json) throws Exception {
        byte[] otlp = TempoTraces.asOtlp(json.getBytes(StandardCharsets.UTF_8), TEMPO, ASKED);
        return new OtlpTraceParser().parse(new IngestInput("t.otlp-traces.json", otlp, null));
    }

    @Test
    void theV2ShapeWithHexIdsIsReadAsIs() throws Exception {
        SpanSet set = parse("""
                {"trace": {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "cart"}}]},
                  "scopeSpans": [{"spans": [{"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "b7ad6b7169203331",
                    "name": "GET", "kind": 2, "startTimeUnixNano": "1796378400000000000", "endTimeUnixNano": "1796378400050000000",
                    "status": {"code": 2}}]}]}]}}
                """);
        assertThat(set.spans()).singleElement().satisfies(s -> {
            assertThat(s.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(s.spanId()).isEqualTo("b7ad6b7169203331");
            assertThat(s.error()).isTrue();
        });
    }

    @Test
    void base64IdsOfTheV1ShapeBecomeHex() throws Exception {
        SpanSet set = parse("""
                {"batches": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "cart"}}]},
                  "scopeSpans": [{"spans": [{"traceId": "CvdlGRbNQ92ESOshHIAxnA==", "spanId": "t61rcWkgMzE=",
                    "parentSpanId": "AAAAAAAAAAE=", "name": "GET", "startTimeUnixNano": "1796378400000000000",
                    "endTimeUnixNano": "1796378400050000000"}]}]}]}
                """);
        assertThat(set.spans()).singleElement().satisfies(s -> {
            assertThat(s.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(s.spanId()).isEqualTo("b7ad6b7169203331");
            assertThat(s.parentSpanId()).isEqualTo("0000000000000001");
        });
    }

    @Test
    void anAnswerWithoutSpansIsNamedAsNotATempoTrace() {
        assertThatThrownBy(() -> parse("{\"message\": \"trace not found\"}"))
                .hasMessageContaining("tempo 't'").hasMessageContaining("neither 'batches' nor 'resourceSpans'");
    }

    @Test
    void searchIdsWithoutLeadingZerosArePadded() {
        assertThat(TempoTraces.paddedHex("A1B2")).isEqualTo("0000000000000000000000000000a1b2");
    }
}
