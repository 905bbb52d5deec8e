package dev.taproot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.taproot.graph.store.RepeatedReasons;

/**
 * What an ingest did: accepted records per kind and the rejected records with their reasons. Of many
 * rejections for the same kind of reason, the first {@link RepeatedReasons#DEFAULT_SHOWN_PER_KIND} are
 * listed and the rest summarised in one entry ("12,345 more records rejected for the same reason"), so
 * a bad input cannot fill memory, the answer or the log.
 *
 * @param format    the ingestor's format
 * @param source    the input name
 * @param accepted  accepted records per kind (for example {@code Deployment}, {@code Alert})
 * @param rejected  rejected records
 */
public record IngestResult(String format, String source, Map<String, Integer> accepted, List<Rejection> rejected) {

    public IngestResult {
        accepted = Map.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public int acceptedTotal() {
        return accepted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Collects counts and rejections while an ingestor runs. */
    public static final class Builder {
        private final String format;
        private final String source;
        private final Map<String, Integer> accepted = new TreeMap<>();
        private final List<Rejection> rejected = new ArrayList<>();
        private final RepeatedReasons repeats = new RepeatedReasons();

        public Builder(String format, String source) {
            this.format = format;
            this.source = source;
        }

        public Builder accept(String kind) {
            accepted.merge(kind, 1, Integer::sum);
            return this;
        }

        public Builder accept(String kind, int n) {
            if (n > 0) {
                accepted.merge(kind, n, Integer::sum);
            }
            return this;
        }

        public Builder reject(String location, String reason) {
            if (repeats.admit(reason)) {
                rejected.add(new Rejection(source, location, reason));
            }
            return this;
        }

        public IngestResult build() {
            var all = new ArrayList<>(rejected);
            repeats.summary("records rejected").forEach(line -> all.add(new Rejection(source, "(summary)", line)));
            return new IngestResult(format, source, accepted, all);
        }
    }
}
