package dev.taproot.search;

import java.util.List;

/**
 * A score explained as a tree, like Lucene's {@code Explanation}: a value, what it is, and the values
 * it was computed from.
 */
public record Why(double value, String description, List<Why> details) {

    public Why {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** Indented text, one node per line. */
    public String render() {
        var sb = new StringBuilder();
        render(sb, 0);
        return sb.toString();
    }

    private void render(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(String.format(java.util.Locale.ROOT, "%.4f", value))
                .append(" = ").append(description).append('\n');
        details.forEach(d -> d.render(sb, depth + 1));
    }
}
