package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentRoutesTest {

    @TempDir
    Path data;
    HttpTestSupport http;

    @BeforeEach
    void start() {
        http = new HttpTestSupport(data);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    static String demoHistory() throws IOException {
        try (InputStream in = IncidentRoutesTest.class.getResourceAsStream("/demo/incident-history.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importedHistoryIsFoundBySimilarSearchWithResolutionRunbookResolverAndWhy() throws Exception {
        var imported = http.post("/api/v1/import/incidents", demoHistory());
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().path("imported").asLong()).isEqualTo(10);
        assertThat(imported.body().path("rejected").asLong()).isZero();

        var answer = http.get("/api/v1/incidents/similar?q=payment+pods+OOMKilled+crash+looping&limit=3");
        assertThat(answer.status()).isEqualTo(200);
        var best = answer.body().path("hits").get(0);
        assertThat(best.path("id").asText()).isEqualTo("INC-2025-0412");
        assertThat(best.path("resolution").asText()).contains("memory limit");
        assertThat(best.path("runbook").asText()).startsWith("https://");
        assertThat(best.path("resolvedBy").asText()).isEqualTo("carol");
        assertThat(best.path("matched").get(0).path("terms")).isNotEmpty();
    }

    @Test
    void structuredParametersAloneFindTheSameServiceAndFault() throws Exception {
        http.post("/api/v1/import/incidents", demoHistory());
        var answer = http.get("/api/v1/incidents/similar?service=redis-cart&fault=Evicted&explain=true");
        assertThat(answer.status()).isEqualTo(200);
        var best = answer.body().path("hits").get(0);
        assertThat(best.path("id").asText()).isEqualTo("INC-2025-0519");
        assertThat(best.path("explanation").path("details")).isNotEmpty();
    }

    @Test
    void reImportUpdatesByIdAndNeverDuplicates() throws Exception {
        http.post("/api/v1/import/incidents", demoHistory());
        http.post("/api/v1/import/incidents", demoHistory());
        assertThat(http.taproot.store().incidentCount()).isEqualTo(10);
        assertThat(http.taproot.memory().index().count()).isEqualTo(10);
        var one = http.get("/api/v1/incidents/INC-2025-0412");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("incident").path("resolvedBy").asText()).isEqualTo("carol");
        assertThat(http.get("/api/v1/incidents/NOPE").status()).isEqualTo(404);
    }

    @Test
    void badRecordsAreRejectedWithLineFieldAndReasonAndTheRestImported() throws Exception {
        String body = String.join("\n",
                "{\"id\":\"A-1\",\"title\":\"disk full on db\",\"resolution\":\"cleaned logs\"}",
                "{\"id\":\"A-2\",\"title\":\"x\",\"colour\":\"red\"}",
                "{not json",
                "{\"id\":\"A-3\",\"title\":\"y\",\"started\":\"yesterday\"}",
                "{\"id\":\"A-4\",\"title\":\"z\",\"services\":\"db\",\"tags\":[1]}",
                "{\"id\":\"A-5\",\"title\":\"disk almost full\"}",
                "{\"id\":\"A-6\",\"title\":\"trunc");
        var answer = http.post("/api/v1/import/incidents", body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("imported").asLong()).isEqualTo(2);
        assertThat(answer.body().path("rejected").asLong()).isEqualTo(5);
        var rejections = answer.body().path("rejections");
        assertThat(rejections.get(0).path("line").asLong()).isEqualTo(2);
        assertThat(rejections.get(0).path("field").asText()).isEqualTo("colour");
        assertThat(rejections.get(1).path("reason").asText()).contains("malformed JSON");
        assertThat(rejections.get(2).path("field").asText()).isEqualTo("started");
        assertThat(rejections.get(3).path("field").asText()).isEqualTo("tags[0]");
        assertThat(rejections.get(4).path("line").asLong()).isEqualTo(7);
        assertThat(rejections.get(4).path("reason").asText()).contains("truncated");
        assertThat(http.taproot.store().incidentCount()).isEqualTo(2);
    }

    @Test
    void anEmptyOrAllBadBodyIs400AndStoresNothing() throws Exception {
        assertThat(http.post("/api/v1/import/incidents", "").status()).isEqualTo(400);
        var allBad = http.post("/api/v1/import/incidents", "{\"title\":\"no id\"}\n");
        assertThat(allBad.status()).isEqualTo(400);
        assertThat(allBad.body().path("rejections").get(0).path("field").asText()).isEqualTo("id");
        assertThat(http.taproot.store().incidentCount()).isZero();
        assertThat(http.get("/api/v1/incidents/similar").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/incidents/similar?q=x&limit=abc").status()).isEqualTo(400);
    }
}
