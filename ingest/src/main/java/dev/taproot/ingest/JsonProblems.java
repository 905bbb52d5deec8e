package dev.taproot.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's parse errors as a person reads them: the first line of the original message, without
 * Jackson's internal context ("in null", source references), and never empty.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** What is wrong, for example {@code Unexpected end-of-input} or {@code Unexpected character ('x')}. */
    public static String describe(java.io.IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        m = m.lines().findFirst().orElse(m).strip();
        m = m.replaceAll("\\s+in null$", "").replaceAll("\\s*\\(for [^)]*\\)$", "");
        int sourceRef = m.indexOf(" at [Source");
        return sourceRef > 0 ? m.substring(0, sourceRef) : m;
    }
}
