package dev.taproot.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code taproot mcp} started as an agent starts it, a child process spoken to over stdin and stdout
 * by the SDK's own stdio client, over a fresh data directory (the demo's answers are checked over HTTP;
 * this is about the transport): standard output carries only MCP (the client reads every answer), the
 * logs go to standard error, and tools, roles and argument errors behave as over HTTP.
 */
class McpStdioTest {

    @TempDir
    Path dir;

    @Test
    void taprootMcpServesTheToolsOverStdioWithLogsOnStderr() {
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var parameters = ServerParameters.builder(java).args("-Xmx768m", "-cp", classpath, "dev.taproot.api.cli.TaprootCli",
                "mcp", "--data", data.toString(), "--bolt-port", "0").build();
        var transport = new StdioClientTransport(parameters, TaprootMcp.jsonMapper());
        var stderr = new ConcurrentLinkedQueue<String>();
        transport.setStdErrorHandler(stderr::add);
        // the child starts its own embedded Neo4j before it answers: slow on a busy machine
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(240))
                .initializationTimeout(Duration.ofSeconds(240)).build();
        try {
            client.initialize();
            assertThat(client.getServerInfo().name()).isEqualTo("taproot");
            assertThat(client.listTools().tools()).hasSize(8);

            JsonNode rows = McpHttpTest.structured(client.callTool(new McpSchema.CallToolRequest("cypher_read",
                    Map.of("query", "RETURN $n + 1 AS answer", "params", Map.of("n", 41))))).path("rows");
            assertThat(rows.get(0).path("answer").asInt()).isEqualTo(42);
            assertThat(McpHttpTest.structured(client.callTool(new McpSchema.CallToolRequest("health", Map.of())))
                    .path("services").isArray()).isTrue();

            McpHttpTest.assertToolError(client.callTool(new McpSchema.CallToolRequest("timeline", Map.of("entity", 3))),
                    "argument 'entity'", "expected a string");
            assertThat(McpHttpTest.structured(client.callTool(new McpSchema.CallToolRequest("record_feedback",
                    Map.of("cause", "paymentservice", "fault_type", "OOMKilled", "correct", true)))).path("by").asText())
                    .startsWith("stdio:");
        } finally {
            client.closeGracefully();
        }
        assertThat(List.copyOf(stderr)).anySatisfy(line -> assertThat(line).contains("taproot: serving MCP on stdio"));
    }
}
