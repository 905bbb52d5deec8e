package dev.taproot.api.diagnosis;

import java.time.Instant;
import java.util.List;

/**
 * Fetches the telemetry of an analysed window from the configured sources (metrics, traces, logs)
 * and stores the signals and call edges it finds, before the analysis reads the graph. Implementations
 * bound their own time and size; a source that fails is reported, never thrown, so one slow or broken
 * backend cannot stop a diagnosis.
 */
@FunctionalInterface
public interface LiveEvidence {

    /** No configured source: the analysis reads what is already stored. */
    LiveEvidence NONE = (names, start, end) -> Fetched.NOTHING;

    /**
     * Fetches and stores the telemetry of the named entities (and what they call) in {@code [start, end]}
     * and its baseline.
     *
     * @param entityNames the symptom and its neighbourhood, as names the sources label telemetry with; empty
     *                    when no symptom is known: the whole system, as far as a source can ask for it
     * @return what was fetched from where, and what could not be
     */
    Fetched gather(List<String> entityNames, Instant start, Instant end);

    /**
     * Whether any source is configured: when none is, {@link #gather} fetches nothing, so the caller need not
     * look up the names to ask about (store reads saved on every question).
     */
    default boolean configured() {
        return this != NONE;
    }

    /**
     * What one gathering did.
     *
     * @param fetched  one line per source that answered: what it returned and what was stored
     * @param problems one line per source that failed or was cut short, with the reason
     */
    record Fetched(List<String> fetched, List<String> problems) {

        public static final Fetched NOTHING = new Fetched(List.of(), List.of());

        public Fetched {
            fetched = List.copyOf(fetched);
            problems = List.copyOf(problems);
        }
    }
}
