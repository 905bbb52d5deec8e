package dev.taproot.api.mcp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.web.Json;
import dev.taproot.api.web.Problem;
import dev.taproot.graph.store.ErrorMessages;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/**
 * Taproot as an MCP server: the tools ({@link DiagnosisTools}, {@link GraphTools}) and resources
 * ({@link TaprootResources}) over the components of one {@link Taproot}, served over Streamable HTTP
 * (see {@link McpRoutes}) or stdio. Every call is checked against its caller's role first; arguments
 * that cannot be used, and any failure, come back as the tool's error result with a sentence, never a
 * stack trace.
 */
public final class TaprootMcp {

    private static final Logger LOG = LoggerFactory.getLogger(TaprootMcp.class);
    /** The name and version agents see. */
    public static final String NAME = "taproot";
    public static final String VERSION = "0.1.0";
    private static final String INSTRUCTIONS = "Taproot finds the root cause of failures in a service graph. Start with"
            + " 'diagnose' (a symptom entity, alert or text, and optionally a window), then look closer with 'entity',"
            + " 'timeline', 'blast_radius', 'health', 'similar_incidents' or 'cypher_read'. Tell Taproot whether a cause"
            + " or a past incident helped with 'record_feedback'.";

    private final Taproot taproot;
    private final List<McpTool> tools;
    private final McpJsonMapper json;

    public TaprootMcp(Taproot taproot) {
        this.taproot = taproot;
        var all = new ArrayList<McpTool>(DiagnosisTools.of(taproot));
        all.addAll(GraphTools.of(taproot));
        this.tools = List.copyOf(all);
        this.json = jsonMapper();
    }

    /** The JSON mapper MCP messages are written with: one line each (stdio frames by line), ISO-8601 times. */
    public static McpJsonMapper jsonMapper() {
        ObjectMapper mapper = Json.mapper().copy()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT);
        return new JacksonMcpJsonMapper(mapper);
    }

    public McpJsonMapper json() {
        return json;
    }

    /** The tools, in the order agents list them. */
    public List<McpTool> tools() {
        return tools;
    }

    /** Serves over a Streamable HTTP transport; {@code callers} says who sent each request. */
    public McpSyncServer serve(McpStreamableServerTransportProvider transport, Function<McpTransportContext, Caller> callers) {
        return McpServer.sync(transport).serverInfo(NAME, VERSION).instructions(INSTRUCTIONS).jsonMapper(json)
                .capabilities(capabilities()).validateToolInputs(false).immediateExecution(true)
                .tools(specifications(callers)).resources(TaprootResources.of(taproot)).build();
    }

    /** Serves one local client over {@code in} and {@code out} (stdio), every call made as {@code caller}. */
    public McpSyncServer stdio(InputStream in, OutputStream out, Caller caller) {
        return McpServer.sync(new StdioServerTransportProvider(json, in, out)).serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS).jsonMapper(json).capabilities(capabilities()).validateToolInputs(false)
                .tools(specifications(context -> caller)).resources(TaprootResources.of(taproot)).build();
    }

    private static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build();
    }

    List<SyncToolSpecification> specifications(Function<McpTransportContext, Caller> callers) {
        return tools.stream().map(tool -> SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name(tool.name()).title(tool.title()).description(tool.description())
                        .inputSchema(tool.input().toMap())
                        .annotations(new McpSchema.ToolAnnotations(tool.title(), tool.readOnly(), false, tool.readOnly(),
                                false, null))
                        .build())
                .callHandler((exchange, request) -> call(tool, callers.apply(exchange.transportContext()), request))
                .build()).toList();
    }

    /** Runs one call of {@code tool}: role first, then arguments, then the tool; every failure becomes an error result. */
    McpSchema.CallToolResult call(McpTool tool, Caller caller, McpSchema.CallToolRequest request) {
        if (!caller.may(tool.role())) {
            return error("tool '" + tool.name() + "' needs role '" + tool.role().label() + "'; '" + caller.name()
                    + "' has role '" + caller.role().label() + "'");
        }
        try {
            var arguments = new ToolArguments(request.arguments()).only(tool.input().names());
            ToolAnswer answer = tool.body().call(caller, arguments);
            return McpSchema.CallToolResult.builder().structuredContent(answer.structured()).addTextContent(answer.text())
                    .isError(false).build();
        } catch (ToolArgumentException e) {
            return error(e.getMessage());
        } catch (Problem p) {
            if (p.status() >= 500 && p.status() != 501) {
                LOG.error("mcp tool {} by {} failed: {}", tool.name(), caller.name(), p.getMessage());
            }
            return error(p.getMessage());
        } catch (IllegalArgumentException e) {
            return error(ErrorMessages.describe(e));
        } catch (RuntimeException e) {
            LOG.error("mcp tool {} by {} failed", tool.name(), caller.name(), e);
            return error("tool '" + tool.name() + "' failed; the server log has the details");
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
