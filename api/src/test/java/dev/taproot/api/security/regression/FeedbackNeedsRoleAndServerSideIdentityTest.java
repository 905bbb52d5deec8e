package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.testing.ApiClient;

/**
 * Finding: a read token could write feedback, overwrite another user's feedback by reusing its id, and
 * sign it with any name (20 downvotes cut an incident's score). Feedback now needs role feedback (or
 * ingest/admin), ids are generated server-side, the author is the token, and one author counts once.
 */
class FeedbackNeedsRoleAndServerSideIdentityTest {

    @TempDir
    Path dir;
    SecuredServer server;

    @BeforeEach
    void start() {
        server = new SecuredServer(dir);
        var r = server.as(SecuredServer.INGEST).post("/api/v1/import/incidents", "application/x-ndjson",
                "{\"id\":\"I-1\",\"title\":\"checkout errors after deploy\",\"services\":[\"checkout\"],\"resolution\":\"rolled back\"}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReadTokenCannotGiveFeedback() {
        var r = server.as(SecuredServer.READ).post("/api/v1/feedback", "application/json", "{\"incident\":\"I-1\",\"helped\":false}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.as(SecuredServer.FEEDBACK).post("/api/v1/feedback", "application/json",
                "{\"incident\":\"I-1\",\"helped\":true}").statusCode()).isEqualTo(201);
    }

    @Test
    void theClientCannotChooseTheIdOrTheAuthor() {
        var first = server.as(SecuredServer.FEEDBACK).post("/api/v1/feedback", "application/json", "{\"incident\":\"I-1\",\"helped\":true}");
        String id = ApiClient.json(first).path("id").asText();
        assertThat(ApiClient.json(first).path("by").asText()).isEqualTo("voter");

        var overwrite = server.as(SecuredServer.INGEST).post("/api/v1/feedback", "application/json",
                "{\"id\":\"" + id + "\",\"incident\":\"I-1\",\"helped\":false}");
        assertThat(overwrite.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(overwrite).path("detail").asText()).contains("'id'");
        var forged = server.as(SecuredServer.INGEST).post("/api/v1/feedback", "application/json",
                "{\"incident\":\"I-1\",\"helped\":false,\"by\":\"alice\"}");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(forged).path("detail").asText()).contains("'by'");

        var listed = ApiClient.json(server.as(SecuredServer.READ).get("/api/v1/feedback?incident=I-1")).path("feedback");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("kind").asText()).isEqualTo("HELPED");
    }

    @Test
    void oneTokenRepeatingADownvoteCountsOnce() {
        for (int i = 0; i < 20; i++) {
            server.as(SecuredServer.INGEST).post("/api/v1/feedback", "application/json", "{\"incident\":\"I-1\",\"helped\":false}");
        }
        server.as(SecuredServer.FEEDBACK).post("/api/v1/feedback", "application/json", "{\"incident\":\"I-1\",\"helped\":true}");
        assertThat(server.taproot.store().incidentHelpfulness()).containsEntry("I-1", 0);
    }
}
