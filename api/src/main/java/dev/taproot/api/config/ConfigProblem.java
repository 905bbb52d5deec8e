package dev.taproot.api.config;

/**
 * One mistake (or warning) in the configuration: where it is and what is wrong.
 *
 * @param source  the file name, or {@code environment} for a variable
 * @param line    1-based line in the file; 0 when the value came from the environment or the command line
 * @param field   the dotted field path ({@code sources.prometheus[0].url}) or the variable name; empty for the whole file
 * @param message what is wrong, never echoing a secret
 * @param warning true for something that works but should be fixed (a group-readable secret file)
 */
public record ConfigProblem(String source, int line, String field, String message, boolean warning) {

    /** {@code taproot.yaml:12: sources.prometheus[0].url: must be an absolute http(s) URL}. */
    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line : source;
        return where + ": " + (field.isEmpty() ? "" : field + ": ") + (warning ? "warning: " : "") + message;
    }
}
