package dev.taproot.ingest.logs;

import java.util.Set;

/**
 * Settings of log template mining and log signals, with {@link #DEFAULTS}.
 *
 * @param drainDepth          Drain's parse-tree depth (levels of token prefix after the length level)
 * @param similarity          Drain's similarity threshold: the share of equal tokens for a line to join a template
 * @param maxChildren         Drain's limit of children per inner node
 * @param errorLevels         severities (upper case) that make a line an error line
 * @param minErrorCount       error lines of one template and entity in the window needed for an ErrorLogSpike
 * @param spikeFactor         window rate over baseline rate (per minute) that makes a template spike
 * @param minNewTemplateCount lines of a template never seen in the baseline needed for a NewLogTemplate
 */
public record LogConfig(int drainDepth, double similarity, int maxChildren, Set<String> errorLevels,
                        int minErrorCount, double spikeFactor, int minNewTemplateCount) {

    public static final Set<String> DEFAULT_ERROR_LEVELS = Set.of("ERROR", "FATAL", "CRITICAL", "CRIT", "SEVERE",
            "EMERG", "ALERT", "PANIC", "E", "F");

    public static final LogConfig DEFAULTS = new LogConfig(5, 0.5, 100, DEFAULT_ERROR_LEVELS, 1, 3.0, 2);

    public LogConfig {
        errorLevels = Set.copyOf(errorLevels);
        if (drainDepth < 1 || similarity <= 0 || similarity > 1 || maxChildren < 2) {
            throw new IllegalArgumentException("need drainDepth >= 1, 0 < similarity <= 1, maxChildren >= 2");
        }
    }
}
