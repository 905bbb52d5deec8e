package dev.taproot.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.graph.testing.TestStores;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The MCP server over Streamable HTTP, through the SDK's own client, against a real server holding the
 * demo graph: every tool answers, diagnose agrees with REST, roles and tokens are the REST API's, and
 * bad arguments come back as tool errors that name the argument.
 */
class McpHttpTest {

    static final String READ = "mcp-test-read-token-00001";
    static final String FEEDBACK = "mcp-test-feedback-token-01";
    /** The demo failure: paymentservice crash-loops, checkout errors, frontend slows. */
    static final String END = "2026-01-15T10:05:00Z";

    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;
    static McpSyncClient reader;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        var tokens = TokenStore.of(List.of(ApiToken.of("agent", Role.READ, READ), ApiToken.of("oncall", Role.FEEDBACK, FEEDBACK)));
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(tokens, false, 6000, 1000)));
        reader = client(server.port(), READ);
    }

    @AfterAll
    static void stop() {
        reader.closeGracefully();
        server.close();
    }

    /** An initialised SDK client for {@code /mcp} presenting {@code token} (null: none). */
    static McpSyncClient client(int port, String token) {
        var request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp")
                .requestBuilder(request).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(20)).build();
        client.initialize();
        return client;
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    static String text(McpSchema.CallToolResult result) {
        var out = new StringBuilder();
        for (McpSchema.Content c : result.content()) {
            if (c instanceof McpSchema.TextContent t) {
                out.append(t.text());
            }
        }
        return out.toString();
    }

    static JsonNode structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
        return JSON.valueToTree(result.structuredContent());
    }

    @Test
    void listsEveryToolWithATypedInputSchema() {
        var tools = reader.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("diagnose", "similar_incidents",
                "record_feedback", "entity", "blast_radius", "health", "timeline", "cypher_read");
        var blast = tools.stream().filter(t -> t.name().equals("blast_radius")).findFirst().orElseThrow();
        assertThat(blast.inputSchema()).containsEntry("required", List.of("entity"));
        assertThat(JSON.valueToTree(blast.inputSchema()).path("properties").path("depth").path("type").asText()).isEqualTo("integer");
    }

    @Test
    void diagnoseOverMcpIsTheDiagnosisRestGives() throws Exception {
        JsonNode mcp = structured(call(reader, "diagnose", Map.of("entity", "checkoutservice", "end", END)));
        var rest = new ApiClient(server.port(), READ).post("/api/v1/analyses", "application/json",
                "{\"symptom\": {\"entities\": [\"checkoutservice\"]}, \"window\": {\"end\": \"" + END + "\"}}");
        assertThat(rest.statusCode()).isEqualTo(200);
        JsonNode restBody = ApiClient.json(rest);
        assertThat(causes(mcp)).isNotEmpty().isEqualTo(causes(restBody));
        assertThat(mcp.path("candidates").get(0).path("name").asText()).isEqualTo("paymentservice");
        assertThat(mcp.path("candidates").get(0).path("confidence").asDouble())
                .isEqualTo(restBody.path("candidates").get(0).path("confidence").asDouble());
        assertThat(ids(mcp.path("similar"))).isEqualTo(ids(restBody.path("similar")));
    }

    @Test
    void everyReadToolAnswersWithAStructuredResult() {
        assertThat(structured(call(reader, "similar_incidents", Map.of("text", "payment service crash loop OOMKilled")))
                .path("hits")).isNotEmpty();
        assertThat(structured(call(reader, "blast_radius", Map.of("entity", "paymentservice"))).path("nodes").size())
                .isGreaterThan(1);
        JsonNode entity = structured(call(reader, "entity", Map.of("entity", "paymentservice")));
        assertThat(entity.path("entity").path("key").asText()).contains("paymentservice");
        assertThat(entity.path("neighbourhood").path("nodes")).isNotEmpty();
        assertThat(entity.path("health").path("score").isInt()).isTrue();
        assertThat(entity.path("recent")).isNotEmpty();
        assertThat(structured(call(reader, "health", Map.of())).path("services")).isNotEmpty();
        assertThat(structured(call(reader, "health", Map.of("entity", "checkoutservice", "at", END))).path("services"))
                .hasSize(1);
        assertThat(structured(call(reader, "timeline", Map.of("entity", "paymentservice"))).path("events")).isNotEmpty();
        JsonNode rows = structured(call(reader, "cypher_read",
                Map.of("query", "MATCH (e {key: $key}) RETURN e.key AS key", "params", Map.of("key", "nope")))).path("rows");
        assertThat(rows).isEmpty();
        assertThat(structured(call(reader, "cypher_read", Map.of("query", "MATCH (n) RETURN count(n) AS n")))
                .path("rows").get(0).path("n").asInt()).isGreaterThan(10);
    }

    @Test
    void cypherReadRefusesWritesAsTheExplorerDoes() {
        var result = call(reader, "cypher_read", Map.of("query", "MATCH (n) DETACH DELETE n"));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).containsIgnoringCase("read");
        assertThat(structured(call(reader, "cypher_read", Map.of("query", "MATCH (n) RETURN count(n) AS n")))
                .path("rows").get(0).path("n").asInt()).isGreaterThan(10);
    }

    @Test
    void recordFeedbackNeedsTheRoleRestFeedbackNeeds() {
        String incident = structured(call(reader, "similar_incidents", Map.of("text", "payment crash loop")))
                .path("hits").get(0).path("id").asText();
        var refused = call(reader, "record_feedback", Map.of("incident", incident, "helped", true));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("record_feedback").contains("'feedback'").contains("'read'");

        McpSyncClient oncall = client(server.port(), FEEDBACK);
        try {
            assertToolError(call(oncall, "record_feedback", Map.of("incident", incident, "helped", "yes")),
                    "argument 'helped'", "true or false");
            assertToolError(call(oncall, "record_feedback", Map.of("incident", "INC-NOT-THERE", "helped", true)),
                    "no incident with id 'INC-NOT-THERE'");
            JsonNode recorded = structured(call(oncall, "record_feedback", Map.of("incident", incident, "helped", true,
                    "comment", "same OOM as last time")));
            assertThat(recorded.path("by").asText()).isEqualTo("oncall");
            assertThat(taproot.memory().feedback().about(incident)).anySatisfy(f -> assertThat(f.by()).isEqualTo("oncall"));
        } finally {
            oncall.closeGracefully();
        }
    }

    @Test
    void aMissingOrUnknownTokenIs401() throws Exception {
        var http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize));
        HttpResponse<String> none = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        HttpResponse<String> unknown = http.send(request.header("Authorization", "Bearer not-a-known-token-at-all")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> client(server.port(), null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aMessageOverTheServersBodyLimitIs413() throws Exception {
        var tokens = TokenStore.of(List.of(ApiToken.of("agent", Role.READ, READ)));
        try (TaprootServer small = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0,
                new SecurityConfig(tokens, false, 6000, 1000)).withMaxBodyBytes(64 * 1024))) {
            String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(100 * 1024) + "\"}}";
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/mcp")).expectContinue(true)
                    .header("Authorization", "Bearer " + READ).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(big)).build();
            assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
            McpSyncClient client = client(small.port(), READ);
            try {
                assertThat(client.listTools().tools()).hasSize(8);
            } finally {
                client.closeGracefully();
            }
        }
    }

    @Test
    void badArgumentsAreToolErrorsNamingTheArgument() {
        assertToolError(call(reader, "diagnose", Map.of("entity", "checkoutservice", "end", "yesterday")), "argument 'end'",
                "ISO-8601");
        assertToolError(call(reader, "diagnose", Map.of("entity", "checkoutservice", "depth", 9)), "argument 'depth'",
                "between 1 and 6");
        assertToolError(call(reader, "diagnose", Map.of("entity", "checkoutservice", "start", END,
                "end", "2026-01-15T09:00:00Z")), "window end", "before its start");
        assertToolError(call(reader, "diagnose", Map.of("entitty", "checkoutservice")), "argument 'entitty'", "unknown");
        assertToolError(call(reader, "blast_radius", Map.of()), "argument 'entity'", "required");
        assertToolError(call(reader, "blast_radius", Map.of("entity", List.of("a"))), "argument 'entity'", "expected a string");
        assertToolError(call(reader, "timeline", Map.of("entity", "no-such-thing-anywhere-xyzzy")), "argument 'entity'",
                "no entity matches");
        assertToolError(call(reader, "similar_incidents", Map.of()), "argument 'text'", "give text");
        assertToolError(call(reader, "health", Map.of("window", "half an hour")), "argument 'window'", "PT30M");
        assertToolError(call(reader, "cypher_read", Map.of("query", "MATCH (n) RETURN n", "params", "x")),
                "argument 'params'", "expected an object");
    }

    @Test
    void resourcesHoldTheVocabularyRulesAndRunbooks() throws Exception {
        assertThat(reader.listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactlyInAnyOrder("taproot://vocabulary", "taproot://rules", "taproot://runbooks");
        var rules = (McpSchema.TextResourceContents) reader.readResource(new McpSchema.ReadResourceRequest("taproot://rules"))
                .contents().get(0);
        assertThat(JSON.readTree(rules.text()).path("rules").size()).isEqualTo(taproot.rules().get().rules().size());
        var vocabulary = (McpSchema.TextResourceContents) reader.readResource(
                new McpSchema.ReadResourceRequest("taproot://vocabulary")).contents().get(0);
        assertThat(vocabulary.mimeType()).isEqualTo("text/turtle");
        assertThat(vocabulary.text()).contains("tp:Change");
        var runbooks = (McpSchema.TextResourceContents) reader.readResource(
                new McpSchema.ReadResourceRequest("taproot://runbooks")).contents().get(0);
        assertThat(JSON.readTree(runbooks.text()).size()).isEqualTo(taproot.runbooks().get().all().size());
    }

    static void assertToolError(McpSchema.CallToolResult result, String... parts) {
        assertThat(result.isError()).as("isError of %s", text(result)).isTrue();
        assertThat(text(result)).contains(parts).doesNotContain("Exception").doesNotContain("\tat ");
    }

    static List<String> causes(JsonNode diagnosis) {
        var out = new ArrayList<String>();
        diagnosis.path("candidates").forEach(c -> out.add(c.path("name").asText() + " " + c.path("confidence").asDouble()));
        return out;
    }

    static List<String> ids(JsonNode hits) {
        var out = new ArrayList<String>();
        hits.forEach(h -> out.add(h.path("id").asText()));
        return out;
    }
}
