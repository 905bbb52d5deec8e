package dev.taproot.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;

class PrometheusMatrixParserTest {

    private final PrometheusMatrixParser parser = new PrometheusMatrixParser();

    @Test
    void readsARealCaseMatrix() throws Exception {
        var file = SharedData.require("cases/nezha-ob/nezha-ob-2022-08-22-0353/signals/metrics.prom.json");
        MetricSet set = parser.parse(IngestInput.of(file, Instant.now()));
        assertThat(set.series()).hasSize(190);
        MetricSeries first = set.series().getFirst();
        assertThat(first.metric()).isEqualTo("cpu_usage_millicores");
        assertThat(first.labels()).containsKey("pod").doesNotContainKey("__name__");
        assertThat(first.series().size()).isEqualTo(8);
        assertThat(set.rejected()).isEmpty();
    }

    @Test
    void badSamplesAreCountedAndBadSeriesRejectedWithTheirIndex() throws Exception {
        String body = """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"x","pod":"a"},"values":[[3,"3"],[1,"1"],[2,"oops"],[4,"NaN"],[5,"+Inf"]]},
                  {"metric":{"__name__":"y"}}
                ]}}""";
        MetricSet set = parser.parse(IngestInput.of("request", body));
        assertThat(set.series()).hasSize(1);
        assertThat(set.series().getFirst().series().values()).containsExactly(1, 3);
        assertThat(set.quality().nonNumeric).isEqualTo(1);
        assertThat(set.quality().nonFinite).isEqualTo(2);
        assertThat(set.quality().outOfOrder).isEqualTo(1);
        assertThat(set.rejected()).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("data.result[1].values");
        });
    }

    @Test
    void malformedBodiesAreRejectedWithNameAndReason() {
        assertThatThrownBy(() -> parser.parse(IngestInput.of("m.prom.json", "{not json")))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("m.prom.json").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse(IngestInput.of("v.prom.json",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("v.prom.json").hasMessageContaining("matrix");
        assertThatThrownBy(() -> parser.parse(IngestInput.of("e.prom.json",
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}")))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("bad_data");
    }
}
