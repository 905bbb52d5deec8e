package dev.taproot.ingest.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Rejection;

/**
 * What a telemetry analysis did: per input what was read and refused, how many series were scored,
 * which could not be tied to an entity, what had to be repaired, and the signals emitted by type.
 *
 * @param inputs             one result per input (window and baseline)
 * @param signals            signals emitted, by type
 * @param counts             counters: {@code series.scored}, {@code series.unresolved}, {@code samples.nonNumeric},
 *                           {@code baseline.PRE_WINDOW}, {@code spans}, {@code logs.lines} and so on
 * @param unresolved         up to 50 examples of series or services that resolved to no entity
 */
public record TelemetryReport(List<IngestResult> inputs, Map<String, Integer> signals, Map<String, Integer> counts,
                              List<String> unresolved) {

    public static final int MAX_UNRESOLVED_EXAMPLES = 50;

    public TelemetryReport {
        inputs = List.copyOf(inputs);
        signals = Map.copyOf(signals);
        counts = Map.copyOf(counts);
        unresolved = List.copyOf(unresolved);
    }

    public int signalTotal() {
        return signals.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(String counter) {
        return counts.getOrDefault(counter, 0);
    }

    public List<Rejection> rejected() {
        return inputs.stream().flatMap(r -> r.rejected().stream()).toList();
    }

    /** One line for logs and the CLI. */
    public String summary() {
        return "telemetry: " + inputs.size() + " inputs, " + signalTotal() + " signals " + new TreeMap<>(signals)
                + ", " + count("series.scored") + " series scored, " + count("series.unresolved")
                + " unresolved, " + rejected().size() + " rejected";
    }

    /** Collects while an analysis runs. */
    public static final class Builder {
        private final List<IngestResult> inputs = new ArrayList<>();
        private final Map<String, Integer> signals = new TreeMap<>();
        private final Map<String, Integer> counts = new TreeMap<>();
        private final List<String> unresolved = new ArrayList<>();

        public Builder input(IngestResult r) {
            inputs.add(r);
            return this;
        }

        public Builder signal(String type) {
            signals.merge(type, 1, Integer::sum);
            return this;
        }

        public Builder count(String counter, int n) {
            if (n != 0) {
                counts.merge(counter, n, Integer::sum);
            }
            return this;
        }

        public Builder unresolved(String what) {
            count("series.unresolved", 1);
            if (unresolved.size() < MAX_UNRESOLVED_EXAMPLES) {
                unresolved.add(what);
            }
            return this;
        }

        public TelemetryReport build() {
            return new TelemetryReport(inputs, signals, counts, unresolved);
        }
    }
}
