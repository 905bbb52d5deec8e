package dev.taproot.ingest.logs;

/**
 * A log template mined by {@link Drain}: constant tokens with the variable ones masked as {@code <*>}.
 * Its tokens generalise as more lines join; its id never changes.
 */
public final class LogTemplate {

    /** The mask of a variable token. */
    public static final String WILDCARD = "<*>";

    private final int id;
    private String[] tokens;
    private long count;

    LogTemplate(int id, String[] tokens) {
        this.id = id;
        this.tokens = tokens;
    }

    public int id() {
        return id;
    }

    public long count() {
        return count;
    }

    String[] tokens() {
        return tokens;
    }

    /** The template as text, tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    void join(String[] line) {
        count++;
        if (count == 1) {
            return;
        }
        String[] merged = null;
        for (int i = 0; i < tokens.length; i++) {
            if (!tokens[i].equals(line[i]) && !WILDCARD.equals(tokens[i])) {
                if (merged == null) {
                    merged = tokens.clone();
                }
                merged[i] = WILDCARD;
            }
        }
        if (merged != null) {
            tokens = merged;
        }
    }

    @Override
    public String toString() {
        return "#" + id + " " + text() + " (" + count + ")";
    }
}
