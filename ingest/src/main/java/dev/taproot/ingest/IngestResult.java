package dev.taproot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest did: accepted records per kind and every rejected record with its reason.
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
            rejected.add(new Rejection(source, location, reason));
            return this;
        }

        public IngestResult build() {
            return new IngestResult(format, source, accepted, rejected);
        }
    }
}
