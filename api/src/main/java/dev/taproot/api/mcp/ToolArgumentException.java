package dev.taproot.api.mcp;

/**
 * A tool was called with an argument it cannot use. The message names the argument and the problem;
 * the caller sees it as the tool's error result, never as a stack trace.
 */
public final class ToolArgumentException extends RuntimeException {

    public ToolArgumentException(String argument, String problem) {
        super("argument '" + argument + "': " + problem, null, false, false);
    }
}
