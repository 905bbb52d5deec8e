package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import dev.taproot.api.testing.ApiClient;

/**
 * Finding (low): absurd values were accepted (a time in the year 292 million) and fields of the wrong
 * JSON type or unknown fields were silently dropped ({@code services} given as a string). Now each is
 * a 400 (or a rejected record) naming the field.
 */
class AbsurdValuesAreRefusedWithTheFieldTest extends SecuredServerTest {

    String analysisError(String body) {
        var r = server.as(SecuredServer.READ).post("/api/v1/analyses", "application/json", body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return ApiClient.json(r).path("detail").asText();
    }

    @Test
    void analysisRequestsNameTheBadField() {
        assertThat(analysisError("{\"symptom\":{\"services\":\"cart\"}}")).contains("'symptom.services'");
        assertThat(analysisError("{\"symptom\":{\"entities\":\"cart\"}}")).contains("'symptom.entities'", "a string");
        assertThat(analysisError("{\"symptom\":{\"entities\":[\"cart\"]},\"rules\":\"k8s.oom\"}")).contains("'rules'");
        assertThat(analysisError("{\"symptom\":{\"entities\":[\"cart\"]},\"depth\":\"deep\"}")).contains("'depth'");
        assertThat(analysisError("{\"symptom\":{\"entities\":[\"cart\"]},\"window\":{\"end\":\"2999-01-01T00:00:00Z\"}}"))
                .contains("'window.end'", "outside");
    }

    @Test
    void anAlertFromTheYear292MillionIsRejectedNamingItsField() {
        var r = server.as(SecuredServer.INGEST).post("/api/v1/ingest/alertmanager", "application/json", """
                {"status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X","service":"cart"},
                 "startsAt":"9223372036854775"}]}""");
        assertThat(r.body()).contains("startsAt").contains("outside");
        var incident = server.as(SecuredServer.INGEST).post("/api/v1/import/incidents", "application/x-ndjson",
                "{\"id\":\"I-1\",\"title\":\"t\",\"started\":\"2999-01-01T00:00:00Z\"}");
        assertThat(incident.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(incident).path("rejections").get(0).path("field").asText()).isEqualTo("started");
    }
}
