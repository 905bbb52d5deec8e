package dev.taproot.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.taproot.ingest.IngestInput;

class OpenMetricsParserTest {

    @Test
    void textExpositionLinesBecomeSeriesAndBadLinesAreRejectedWithTheirNumber() {
        String text = """
                # HELP http_requests_total Requests.
                # TYPE http_requests_total counter
                http_requests_total{service="cart",code="200"} 1027 1700000000
                http_requests_total{service="cart",code="200"} 1090 1700000015
                process_cpu_seconds_total 12.5
                broken{service="x} 1
                up{job="a"} oops
                # EOF
                """;
        MetricSet set = new OpenMetricsParser().parse(new IngestInput("snap.om.txt", text.getBytes(), Instant.ofEpochSecond(1_700_000_030)));
        assertThat(set.series()).hasSize(2);
        MetricSeries req = set.series().getFirst();
        assertThat(req.metric()).isEqualTo("http_requests_total");
        assertThat(req.labels()).containsEntry("service", "cart").containsEntry("code", "200");
        assertThat(req.series().times()).containsExactly(1_700_000_000_000L, 1_700_000_015_000L);
        assertThat(set.series().get(1).series().times()).containsExactly(1_700_000_030_000L);
        assertThat(set.rejected()).singleElement().satisfies(r -> assertThat(r.location()).isEqualTo("line 6"));
        assertThat(set.quality().nonNumeric).isEqualTo(1);
    }
}
