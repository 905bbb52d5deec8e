package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.feedback.FeedbackIntake;

class FeedbackRoutesTest {

    @TempDir
    Path data;
    HttpTestSupport http;

    @BeforeEach
    void start() throws Exception {
        http = new HttpTestSupport(data);
        http.post("/api/v1/import/incidents", String.join("\n",
                "{\"id\":\"I-1\",\"title\":\"checkout errors after deploy\",\"services\":[\"checkout\"],\"resolution\":\"rolled back\"}",
                "{\"id\":\"I-2\",\"title\":\"checkout errors from payment timeouts\",\"services\":[\"checkout\"],\"resolution\":\"raised pool\"}"));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void helpfulFeedbackRanksAnIncidentHigherAtOnce() throws Exception {
        var before = http.get("/api/v1/incidents/similar?q=checkout+errors");
        String first = before.body().path("hits").get(0).path("id").asText();
        String second = before.body().path("hits").get(1).path("id").asText();
        for (int i = 0; i < 3; i++) {
            var r = http.postJson("/api/v1/feedback", Map.of("incident", second, "helped", true));
            assertThat(r.status()).isEqualTo(201);
        }
        http.postJson("/api/v1/feedback", Map.of("incident", first, "helped", false));
        var after = http.get("/api/v1/incidents/similar?q=checkout+errors");
        assertThat(after.body().path("hits").get(0).path("id").asText()).isEqualTo(second);

        var listed = http.get("/api/v1/feedback?incident=" + second);
        assertThat(listed.body().path("feedback")).hasSize(3);
        assertThat(listed.body().path("feedback").get(0).path("by").asText()).isEqualTo(FeedbackIntake.OPEN_ACCESS_AUTHOR);
        assertThat(listed.body().path("feedback").get(0).path("at").isMissingNode()).isFalse();
    }

    @Test
    void causeFeedbackBecomesAPrior() throws Exception {
        var r = http.postJson("/api/v1/feedback", Map.of("cause", "checkout", "fault_type", "BadDeploy", "correct", true,
                "analysis", "an-7"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("kind").asText()).isEqualTo("CAUSE_CONFIRMED");
    }

    @Test
    void badFeedbackIs4xxNamingTheField() throws Exception {
        assertThat(http.postJson("/api/v1/feedback", Map.of("incident", "I-1", "helped", true, "by", "a")).body().path("detail").asText())
                .contains("'by'");
        assertThat(http.postJson("/api/v1/feedback", Map.of("incident", "I-1", "helped", "yes")).status()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/feedback", Map.of("incident", "I-1", "helped", true, "mood", "x"))
                .body().path("detail").asText()).contains("'mood'");
        assertThat(http.postJson("/api/v1/feedback", Map.of("incident", "NOPE", "helped", true)).status()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/feedback", Map.of("cause", "x", "correct", true, "at", "noon")).status())
                .isEqualTo(400);
    }
}
