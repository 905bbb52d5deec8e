/**
 * Taproot as an MCP server (Model Context Protocol, official Java SDK), over Streamable HTTP at
 * {@code /mcp} ({@link dev.taproot.api.mcp.McpRoutes}, behind the REST API's tokens and roles) and
 * over stdio ({@code taproot mcp}).
 *
 * <p>To add a tool: write one {@link dev.taproot.api.mcp.McpTool} in {@link dev.taproot.api.mcp.DiagnosisTools}
 * or {@link dev.taproot.api.mcp.GraphTools} (or a new {@code *Tools} class listed in
 * {@link dev.taproot.api.mcp.TaprootMcp}): its {@link dev.taproot.api.mcp.InputSchema}, the role the
 * matching REST endpoint needs, and a body that calls a component of {@link dev.taproot.api.Taproot}
 * (never a new one) and reads its arguments through {@link dev.taproot.api.mcp.ToolArguments}, so
 * that a bad argument is an error result naming it.
 */
package dev.taproot.api.mcp;
