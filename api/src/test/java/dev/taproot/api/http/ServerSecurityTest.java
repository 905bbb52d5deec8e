package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.graph.testing.TestStores;

class ServerSecurityTest {

    static final String ADMIN = "admin-secret-for-tests-0001";
    static final String READER = "read-secret-for-tests-00001";
    static final String INGESTER = "ingest-secret-for-tests-001";

    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;

    @BeforeAll
    static void start() {
        var config = TaprootConfig.from(dir, 0, 0, java.util.Map.of());
        taproot = Taproot.over(config, TestStores.embedded());
        var tokens = TokenStore.of(java.util.List.of(ApiToken.of("admin", Role.ADMIN, ADMIN),
                ApiToken.of("reader", Role.READ, READER), ApiToken.of("ingester", Role.INGEST, INGESTER)));
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(tokens, false, 600, 5))
                .withMaxBodyBytes(1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    ApiClient client(String token) {
        return new ApiClient(server.port(), token);
    }

    @Test
    void missingTokenIsRefusedWith401ProblemAndChallenge() {
        var r = client(null).get("/api/v1/health");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(ApiClient.json(r).get("detail").asText()).contains("role 'read'");
    }

    @Test
    void unknownTokenIs401AndKnownReaderGets200() {
        assertThat(client("not-a-token-at-all-xxxx").get("/api/v1/health").statusCode()).isEqualTo(401);
        assertThat(client(READER).get("/api/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void readerMayNotCallAnIngestEndpointButTheRoleCheckComesFirst() {
        // /api/v1/ingest/... needs role ingest; an unknown path is a 404 for everyone
        var r = client(READER).get("/api/v1/no-such-thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(r).get("title").asText()).isEqualTo("Not found");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("/work/");
    }

    @Test
    void unknownEndpointIsAProblemDocumentNotPlainText() {
        var r = client(null).get("/nothing/here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var body = ApiClient.json(r);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("instance").asText()).isEqualTo("/nothing/here");
    }

    @Test
    void rateLimitPerTokenAnswers429WithRetryAfter() {
        var limited = client(ADMIN);
        int tooMany = 0;
        for (int i = 0; i < 12; i++) {
            var r = limited.get("/api/v1/vocabulary?format=turtle");
            if (r.statusCode() == 429) {
                tooMany++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(ApiClient.json(r).get("status").asInt()).isEqualTo(429);
            }
        }
        assertThat(tooMany).isGreaterThan(0);
    }

    @Test
    void bodiesAboveTheLimitAre413Problems() {
        var r = client(INGESTER).post("/api/v1/explorer/cypher", "application/json", "{\"query\": \"" + "x".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anEndpointRegisteredWithoutARoleFailsClosedByPath() {
        var reader = client(READER).post("/api/v1/import/incidents", "application/x-ndjson", "{}");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(reader).get("detail").asText()).contains("'ingest'");
        var ingester = client(INGESTER).post("/api/v1/import/incidents", "application/x-ndjson", "not json");
        assertThat(ingester.statusCode()).isEqualTo(400);
    }

    @Test
    void openApiDocumentListsEveryEndpointWithItsRole() {
        var r = client(null).get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        var doc = ApiClient.json(r);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/paths/~1api~1v1~1health/get/x-taproot-role").asText()).isEqualTo("read");
        assertThat(doc.at("/paths/~1metrics/get/x-taproot-role").asText()).isEqualTo("read");
        assertThat(doc.at("/paths/~1api~1openapi.json/get/x-taproot-role").asText()).isEqualTo("public");
        assertThat(doc.at("/paths/~1api~1v1~1analyses/post/x-taproot-role").asText()).isEqualTo("read");
        assertThat(doc.at("/paths/~1api~1v1~1import~1incidents/post/x-taproot-role").asText()).isEqualTo("ingest");
        assertThat(doc.at("/paths/~1api~1v1~1chatops~1slack~1commands/post/x-taproot-role").asText()).isEqualTo("public");
        assertThat(doc.at("/paths/~1api~1v1~1chatops~1alertmanager/post/x-taproot-role").asText()).isEqualTo("ingest");
        assertThat(doc.at("/paths/~1api~1v1~1explorer~1cypher/post/summary").asText()).contains("read-only Cypher");
        assertThat(doc.at("/paths/~1api~1v1~1incidents~1{id}/get/parameters/0/name").asText()).isEqualTo("id");
    }

    @Test
    void docsPageAndSwaggerUiAreServedFromTheWebJar() {
        var page = client(null).get("/docs/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
        var bundle = client(null).get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
    }

    @Test
    void metricsArePrometheusText() {
        client(READER).get("/api/v1/health");
        var r = client(READER).get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("taproot_http_requests_seconds").contains("taproot_store_up 1.0")
                .contains("taproot_analysis_latency_seconds_bucket");
    }

    @Test
    void openAccessIsRefusedOffLoopback() {
        assertThatThrownBy(() -> ServerOptions.of("0.0.0.0", 0, SecurityConfig.openLoopback()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }
}
