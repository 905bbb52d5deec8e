package dev.taproot.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's parse errors as a person reads them: the first line of the original message, without
 * Jackson's internal context ("in null", source references); any other failure as
 * {@link dev.taproot.graph.store.ErrorMessages} describes it.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** What is wrong, for example {@code Unexpected end-of-input} or {@code Unexpected character ('x')}. */
    public static String describe(java.io.IOException e) {
        if (!(e instanceof JsonProcessingException j) || j.getOriginalMessage() == null || j.getOriginalMessage().isBlank()) {
            return dev.taproot.graph.store.ErrorMessages.describe(e);
        }
        String m = j.getOriginalMessage().lines().findFirst().orElse("").strip();
        m = m.replaceAll("\\s+in null$", "").replaceAll("\\s*\\(for [^)]*\\)$", "");
        int sourceRef = m.indexOf(" at [Source");
        return sourceRef > 0 ? m.substring(0, sourceRef) : m;
    }
}
