package dev.taproot.api.mcp;

/**
 * A tool was called with an argument it cannot use. The message names the argument and the problem;
 * the caller sees it as the tool's error result, never as a stack trace.
 */
public final class ToolArgumentException extends RuntimeException {

    public ToolArgumentException(String argument, String problem) {
        super("argument '" + argument + "': " + problem, null, false, false);
    }

    /** From a message that names a request field ({@code field 'x': ...}): the same, naming the argument. */
    public ToolArgumentException(String fieldMessage) {
        super(fieldMessage.replaceFirst("^field '", "argument '"), null, false, false);
    }
}
