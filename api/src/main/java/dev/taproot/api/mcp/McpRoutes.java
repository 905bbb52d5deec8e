package dev.taproot.api.mcp;

import java.util.HashMap;
import java.util.Map;

import dev.taproot.api.feedback.FeedbackIntake;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.AuthFilter;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;

/**
 * MCP over Streamable HTTP at {@value #ENDPOINT}, on the API's own server. The SDK's servlet answers
 * the requests, called from ordinary routes so that everything in front of the REST API runs in front
 * of it too: the bearer token check (role {@code read} to connect; a missing or unknown token is a
 * 401), rate limits, the failed-authentication throttle, the access log and the request metrics.
 * Each tool call then runs as the token that sent it, so {@code record_feedback} needs the role
 * {@code POST /api/v1/feedback} needs.
 */
public final class McpRoutes implements Routes, AutoCloseable {

    /** Where agents connect. */
    public static final String ENDPOINT = "/mcp";
    /** Largest MCP message read, whatever larger body limit the server allows (tool calls are small). */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final String TOKEN = "taproot.token";

    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;
    private final boolean openAccess;

    /**
     * MCP over HTTP for {@code mcp}. {@code openAccess}: the server lets loopback callers in without a
     * token; {@code maxBodyBytes}: the server's body limit, which messages keep to as well (413 beyond).
     */
    public McpRoutes(TaprootMcp mcp, boolean openAccess, long maxBodyBytes) {
        this.openAccess = openAccess;
        this.transport = HttpServletStreamableServerTransportProvider.builder().jsonMapper(mcp.json())
                .mcpEndpoint(ENDPOINT).contextExtractor(McpRoutes::context)
                .maxRequestSize((int) Math.min(maxBodyBytes, MAX_MESSAGE_BYTES)).build();
        this.server = mcp.serve(transport, this::caller);
    }

    @Override
    public void register(JavalinConfig config) {
        var router = new ApiRouter(config);
        String summary = "Model Context Protocol (Streamable HTTP): Taproot's tools for agents; see docs/mcp.md";
        router.post(ENDPOINT, Role.READ, RouteDoc.of("mcp", summary).body("application/json", "a JSON-RPC message"), this::serve);
        router.get(ENDPOINT, Role.READ, RouteDoc.of("mcp", summary + " (server-sent events)"), this::serve);
        router.add(HandlerType.DELETE, ENDPOINT, Role.READ, RouteDoc.of("mcp", summary + " (ends a session)"), this::serve);
    }

    private void serve(Context ctx) throws Exception {
        transport.service(ctx.req(), ctx.res());
    }

    /** The token the auth filter accepted for this request (none with open access). */
    private static McpTransportContext context(jakarta.servlet.http.HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        if (request.getAttribute(AuthFilter.TOKEN_ATTRIBUTE) instanceof ApiToken token) {
            values.put(TOKEN, token);
        }
        return McpTransportContext.create(values);
    }

    /** The token's holder; without a token, everyone under open access, else no one (fails closed). */
    private Caller caller(McpTransportContext context) {
        if (context != null && context.get(TOKEN) instanceof ApiToken token) {
            return Caller.of(token);
        }
        return openAccess ? new Caller(FeedbackIntake.OPEN_ACCESS_AUTHOR, Role.ADMIN) : new Caller("anonymous", Role.PUBLIC);
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
