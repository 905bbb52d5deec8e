package dev.taproot.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryRequest;

class LogAnalysisTest {

    private final TelemetryAnalyzer analyzer = new TelemetryAnalyzer();

    @Test
    void errorsNeverSeenInTheBaselineBecomeAnErrorLogSpikeWithTemplateAndExample() throws Exception {
        var dir = SharedData.require("cases/nezha-tt/nezha-tt-2023-01-29-0843");
        var window = new AnalysisWindow(Instant.parse("2023-01-29T08:43:04Z"), Instant.parse("2023-01-29T08:48:04Z"));
        var writer = new GraphWriter();
        analyzer.analyze(new TelemetryRequest(List.of(IngestInput.of(dir.resolve("signals/logs.otlp-logs.json"), window.start())),
                List.of(IngestInput.of(dir.resolve("baseline/logs.otlp-logs.json"), window.start())), window),
                TelemetryEntities.Graph.NONE, writer);
        List<Signal> spikes = writer.batch().signals().stream().filter(s -> s.type().equals("ErrorLogSpike")).toList();
        assertThat(spikes).anySatisfy(s -> {
            assertThat(s.entityKey()).isEqualTo("service/ts-contacts-service");
            assertThat((String) s.attributes().get("template")).contains("No contacts according to contactsId");
            assertThat((String) s.attributes().get("example")).contains("ContactsServiceImpl");
            assertThat(((Number) s.attributes().get("count")).longValue()).isGreaterThanOrEqualTo(10);
            assertThat(s.attributes()).containsEntry("baselineCount", 0L);
            assertThat(s.start()).isAfterOrEqualTo(window.start());
        });
        Signal contacts = spikes.stream().filter(s -> s.entityKey().equals("service/ts-contacts-service")).findFirst().orElseThrow();
        assertThat(spikes).allSatisfy(s -> assertThat(s.number("score", 0)).isLessThanOrEqualTo(contacts.number("score", 0)));
    }

    @Test
    void lokiStreamsAndPlainLogsAreReadWithTheirWriterAndLevel() throws Exception {
        String loki = """
                {"status":"success","data":{"resultType":"streams","result":[
                  {"stream":{"service_name":"checkout","pod":"checkout-7d9f8b6c5d-abcde","level":"error"},
                   "values":[["1700000000000000000","payment failed: timeout after 30s"],["1700000001000000000","payment failed: timeout after 31s"]]},
                  {"stream":{"app":"cart"},"values":[["bad","x"],["1700000002000000000","WARN cache miss for key 42"]]}]}}""";
        LogSet set = new LokiParser().parse(IngestInput.of("q.loki.json", loki));
        assertThat(set.records()).hasSize(3);
        assertThat(set.records().get(0).level()).isEqualTo("ERROR");
        assertThat(set.records().get(2).level()).isEqualTo("WARN");
        assertThat(set.rejected()).singleElement().satisfies(r -> assertThat(r.location()).isEqualTo("data.result[1].values[0][0]"));
        assertThatThrownBy(() -> new LokiParser().parse(IngestInput.of("m.loki.json",
                "{\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"))).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("m.loki.json").hasMessageContaining("streams");

        String plain = "2024-05-01T12:00:00Z INFO started\n2024-05-01 12:00:05,250 ERROR boom\n  at Foo.bar(Foo.java:1)\n";
        LogSet p = new PlainLogParser().parse(new IngestInput("cartservice.log", plain.getBytes(), Instant.EPOCH));
        assertThat(p.records()).hasSize(3);
        assertThat(p.records().get(1).level()).isEqualTo("ERROR");
        assertThat(p.records().get(1).timeMillis()).isEqualTo(Instant.parse("2024-05-01T12:00:05.250Z").toEpochMilli());
        assertThat(p.records().get(2).timeMillis()).isEqualTo(p.records().get(1).timeMillis());
        assertThat(p.records().get(0).labels()).containsEntry("service", "cartservice");
    }

    @Test
    void otlpLogExampleIsRead() throws Exception {
        var file = SharedData.require("otlp-json-examples/examples/logs.json");
        LogSet set = new OtlpLogParser().parse(IngestInput.of(file, Instant.now()));
        assertThat(set.records()).isNotEmpty();
        assertThat(set.records().getFirst().labels()).containsKey("service.name");
    }
}
