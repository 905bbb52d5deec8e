package dev.taproot.api.mcp;

import dev.taproot.api.security.Role;

/**
 * One tool Taproot offers agents: its name, what it does, its typed arguments, the role a caller
 * needs, and what it runs.
 *
 * @param name        the tool's name, snake_case
 * @param title       a short human title
 * @param description what it answers, for the agent choosing a tool
 * @param input       its arguments
 * @param role        the role a caller needs (the same as the REST endpoint that does the same)
 * @param readOnly    whether it only reads
 * @param body        what it runs
 */
public record McpTool(String name, String title, String description, InputSchema input, Role role, boolean readOnly,
                      Body body) {

    /** What a tool runs, given its caller and its arguments (already checked against the known names). */
    @FunctionalInterface
    public interface Body {

        /**
         * Answers one call. Throws {@link ToolArgumentException} (or an {@link IllegalArgumentException}
         * or a 4xx {@link dev.taproot.api.web.Problem}) when the arguments cannot be used.
         */
        ToolAnswer call(Caller caller, ToolArguments arguments);
    }
}
