package dev.taproot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * MCP {@code diagnose} round trips through the official SDK client over Streamable HTTP on loopback,
 * against the demo graph, with a read token (so the REST API's auth filter is in the path). One
 * client asks one question after another, over the demo's services in turn, each asked once over MCP
 * and once through {@code POST /api/v1/analyses}, alternately, so that both surfaces see the same
 * machine load; the REST figures stand beside MCP's. The last line says whether MCP's p99 met the goal.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "MCP 'diagnose' round trips through the SDK client on loopback, demo graph: p50/p99 beside REST.")
public final class McpBench implements Callable<Integer> {

    static final String TOKEN = "bench-mcp-read-token-0001";
    static final List<String> TARGETS = List.of("checkoutservice", "paymentservice", "frontend", "cartservice",
            "currencyservice", "productcatalogservice", "shippingservice", "redis-cart");

    @Option(names = "--calls", defaultValue = "500", description = "Measured calls per surface (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--warmup", defaultValue = "100", description = "Warm-up calls per surface, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--target-p99-ms", defaultValue = "200", description = "Latency goal for the summary (default ${DEFAULT-VALUE}).")
    double targetP99;

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("taproot-bench-mcp");
        var config = TaprootConfig.from(home, 0, 0, Map.of());
        try (Taproot taproot = Taproot.over(config, GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0)))) {
            BenchDemo.loadDemo(taproot);
            var security = new SecurityConfig(TokenStore.of(List.of(ApiToken.of("bench", Role.READ, TOKEN))), false,
                    1_000_000, 1_000_000);
            try (TaprootServer server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, security))) {
                String end = BenchDemo.ALERTS_AT.plusSeconds(300).toString();
                McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                                .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp")
                                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN)).build())
                        .requestTimeout(Duration.ofSeconds(60)).build();
                client.initialize();
                try {
                    var http = HttpClient.newHttpClient();
                    var viaMcp = new long[calls];
                    var viaRestNanos = new long[calls];
                    for (int i = -warmup; i < calls; i++) {
                        String target = TARGETS.get(Math.floorMod(i, TARGETS.size()));
                        long m = mcp(client, target, end);
                        long r = rest(http, server.port(), target, end);
                        if (i >= 0) {
                            viaMcp[i] = m;
                            viaRestNanos[i] = r;
                        }
                    }
                    print(Stats.ofNanos(viaMcp), Stats.ofNanos(viaRestNanos));
                } finally {
                    client.closeGracefully();
                }
            }
        } finally {
            GraphBench.deleteTree(home);
        }
        return 0;
    }

    private void print(Stats viaMcp, Stats viaRest) {
        System.out.printf("mcp diagnose:  %d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", viaMcp.samples(),
                viaMcp.p50(), viaMcp.p99(), viaMcp.max());
        System.out.printf("rest analyses: %d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", viaRest.samples(),
                viaRest.p50(), viaRest.p99(), viaRest.max());
        System.out.printf("bench mcp: diagnose round trip p50 %.1f ms, p99 %.1f ms (REST p50 %.1f, p99 %.1f); goal p99 <= %.0f ms %s%n",
                viaMcp.p50(), viaMcp.p99(), viaRest.p50(), viaRest.p99(), targetP99,
                viaMcp.p99() <= targetP99 ? "met" : "NOT met");
    }

    /** One MCP diagnose round trip, in nanoseconds. */
    private static long mcp(McpSyncClient client, String target, String end) {
        var request = new McpSchema.CallToolRequest("diagnose", Map.of("entity", target, "end", end));
        long s = System.nanoTime();
        McpSchema.CallToolResult result = client.callTool(request);
        long took = System.nanoTime() - s;
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("diagnose failed over MCP: " + result.content());
        }
        return took;
    }

    /** The same question through the REST API, in nanoseconds. */
    private static long rest(HttpClient http, int port, String target, String end) throws Exception {
        String body = "{\"symptom\": {\"entities\": [\"" + target + "\"]}, \"window\": {\"end\": \"" + end + "\"}}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/analyses"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long s = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - s;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("analysis failed over REST: " + response.statusCode() + " " + response.body());
        }
        return took;
    }
}
