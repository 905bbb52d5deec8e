package dev.taproot.rules.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the engine believes something, as a tree (like Lucene's {@code Explanation}): a value, a
 * description, and the details it was computed from. A root-cause candidate's tree reads
 * signal -> rule -> signal ... -> symptom, each node with its times and values.
 *
 * @param value       the contribution of this node (a score, a confidence, an observed value)
 * @param description what this node says, in one line
 * @param details     the nodes it was derived from
 */
public record Evidence(double value, String description, List<Evidence> details) {

    public Evidence {
        details = List.copyOf(details);
    }

    public static Evidence of(double value, String description, Evidence... details) {
        return new Evidence(value, description, List.of(details));
    }

    public static Evidence of(double value, String description, List<Evidence> details) {
        return new Evidence(value, description, details);
    }

    /** The tree as indented text, one node a line. */
    public String toText() {
        var sb = new StringBuilder();
        write(sb, 0);
        return sb.toString();
    }

    private void write(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(String.format(java.util.Locale.ROOT, "%.3f", value))
                .append(" = ").append(description).append('\n');
        details.forEach(d -> d.write(sb, depth + 1));
    }

    /** Number of nodes in the tree. */
    public int size() {
        int n = 1;
        for (Evidence d : details) {
            n += d.size();
        }
        return n;
    }

    /** Every description in the tree, depth first (for tests and search). */
    public List<String> descriptions() {
        var all = new ArrayList<String>();
        all.add(description);
        details.forEach(d -> all.addAll(d.descriptions()));
        return all;
    }
}
