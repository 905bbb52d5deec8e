package dev.taproot.rules.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the engine believes something, as a tree (like Lucene's {@code Explanation}): a value, a
 * description, what kind of node it is, a sentence for people, and the details it was computed from.
 * A root-cause candidate's tree reads signal -> rule -> signal ... -> symptom, each node with its
 * times and values. People read {@link #sentences()} first (the causal chain, then what was seen,
 * with strengths in words); the numbers stay in the tree for whoever wants them.
 *
 * @param value       the contribution of this node (a score, a confidence, an observed value)
 * @param description what this node says, in one line, with its numbers
 * @param kind        what the node is
 * @param sentence    the node as a plain sentence for people, or null when it is only arithmetic
 * @param ref         what the node refers to: the signal's name for a {@link Kind#SIGNAL}, the rule id
 *                    for a {@link Kind#CAUSAL_LINK}, else null
 * @param details     the nodes it was derived from
 */
public record Evidence(double value, String description, Kind kind, String sentence, String ref, List<Evidence> details) {

    /** What an evidence node is. */
    public enum Kind {
        /** The root of a candidate's tree: its confidence. */
        CANDIDATE,
        /** A rule that links a cause's signal to an effect's: its sentence is the causal step. */
        CAUSAL_LINK,
        /** A signal that was seen. */
        SIGNAL,
        /** Something that moved the ranking up or down (onset, change, history, feedback). */
        PRIOR,
        /**
         * Something known about the candidate that no signal says: a release it rolled out is known to break
         * with a neighbour's, or differs from what the rest of its fleet runs.
         */
        FACT,
        /** A partial score (how the value was computed). */
        SCORE
    }

    public Evidence {
        details = List.copyOf(details);
        kind = kind == null ? Kind.SCORE : kind;
    }

    public static Evidence of(double value, String description, Evidence... details) {
        return new Evidence(value, description, Kind.SCORE, null, null, List.of(details));
    }

    public static Evidence of(double value, String description, List<Evidence> details) {
        return new Evidence(value, description, Kind.SCORE, null, null, details);
    }

    /** A node with a kind, a sentence for people and what it refers to. */
    public static Evidence of(double value, String description, Kind kind, String sentence, String ref, List<Evidence> details) {
        return new Evidence(value, description, kind, sentence, ref, details);
    }

    /** The refs of the nodes of {@code kind} in this tree; {@code ownOnly} skips nodes inside causal links (for signals: the candidate's own). */
    public java.util.Set<String> refs(Kind wanted, boolean ownOnly) {
        var out = new java.util.LinkedHashSet<String>();
        refs(wanted, ownOnly, false, out);
        return out;
    }

    private void refs(Kind wanted, boolean ownOnly, boolean insideChain, java.util.Set<String> out) {
        if (kind == wanted && ref != null && !(ownOnly && insideChain)) {
            out.add(ref);
        }
        details.forEach(d -> d.refs(wanted, ownOnly, insideChain || kind == Kind.CAUSAL_LINK, out));
    }

    /**
     * The tree for people: the candidate's own caveat if it has one, the facts known about it, every causal
     * step (rule sentences, depth first, so a chain reads from the cause to the symptom), then the signals seen
     * on the candidate itself, then what moved its rank; each sentence once.
     */
    public List<String> sentences() {
        var facts = new java.util.LinkedHashSet<String>();
        var causal = new java.util.LinkedHashSet<String>();
        var seen = new java.util.LinkedHashSet<String>();
        var priors = new java.util.LinkedHashSet<String>();
        collect(facts, causal, seen, priors, false);
        var all = new ArrayList<String>();
        if (kind == Kind.CANDIDATE && sentence != null) {
            all.add(sentence);
        }
        all.addAll(facts);
        all.addAll(causal);
        all.addAll(seen);
        all.addAll(priors);
        return all;
    }

    private void collect(java.util.Set<String> facts, java.util.Set<String> causal, java.util.Set<String> seen,
                         java.util.Set<String> priors, boolean insideChain) {
        if (sentence != null) {
            switch (kind) {
                case FACT -> facts.add(sentence);
                case CAUSAL_LINK -> causal.add(sentence);
                case SIGNAL -> {
                    if (!insideChain) {
                        seen.add(sentence);
                    }
                }
                case PRIOR -> priors.add(sentence);
                default -> { }
            }
        }
        for (Evidence d : details) {
            d.collect(facts, causal, seen, priors, insideChain || kind == Kind.CAUSAL_LINK);
        }
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
