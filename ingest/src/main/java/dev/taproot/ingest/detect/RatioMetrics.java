package dev.taproot.ingest.detect;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.taproot.ingest.anomaly.Direction;
import dev.taproot.ingest.metrics.MetricClassifier;
import dev.taproot.ingest.metrics.MetricSeries;

/**
 * Which metric series are ratios of requests (success, availability, error ratios) and which request-count
 * series of the same entity (same labels) says how many requests each sample summarises, so the ratio can be
 * scored as failed requests. A ratio without such a companion is scored like any other series.
 */
final class RatioMetrics {

    /** A success or availability ratio: failures are what is missing to the full scale. */
    static final Pattern SUCCESS = Pattern.compile("success|availab");
    /** An error ratio: failures are the value; the name must say it is a share. */
    static final Pattern ERROR_SHARE = Pattern.compile("(error|fail).*(ratio|rate|percent|share)|(ratio|rate|percent|share).*(error|fail)");
    /** Request-count names preferred among the traffic series of an entity. */
    static final Pattern REQUESTS = Pattern.compile("request|invocation|calls|_ops|ops_|throughput|qps|rps");

    /** A ratio series with its request counts. */
    record Ratio(MetricSeries requests, boolean success, double scale) {
    }

    private final Map<String, MetricSeries> requestsByLabels = new HashMap<>();
    private final Map<String, SeriesScorer.Split> splits;

    RatioMetrics(MetricClassifier classifier, Collection<MetricSeries> series, Map<String, SeriesScorer.Split> splits) {
        this.splits = splits;
        var sorted = series.stream().sorted(Comparator.comparing(MetricSeries::id)).toList();
        for (MetricSeries s : sorted) {
            String name = s.metric().toLowerCase(Locale.ROOT);
            if (classifier.classify(s.metric(), Direction.UP).family().equals("TrafficAnomaly")
                    && REQUESTS.matcher(name).find()) {
                requestsByLabels.putIfAbsent(labelsKey(s), s);
            }
        }
    }

    /** The ratio view of a series, when it is a ratio whose entity reports request counts. */
    Optional<Ratio> of(MetricSeries s) {
        String name = s.metric().toLowerCase(Locale.ROOT);
        boolean success = SUCCESS.matcher(name).find();
        if (!success && !ERROR_SHARE.matcher(name).find()) {
            return Optional.empty();
        }
        MetricSeries requests = requestsByLabels.get(labelsKey(s));
        SeriesScorer.Split split = splits.get(s.id());
        if (requests == null || split == null) {
            return Optional.empty();
        }
        double max = 0;
        for (double v : split.baseline()) {
            if (v < 0 || v > 100) {
                return Optional.empty();
            }
            max = Math.max(max, v);
        }
        for (double v : split.window().values()) {
            if (v < 0 || v > 100) {
                return Optional.empty();
            }
            max = Math.max(max, v);
        }
        return Optional.of(new Ratio(requests, success, max <= 1.0 ? 1.0 : 100.0));
    }

    private static String labelsKey(MetricSeries s) {
        return new TreeMap<>(s.labels()).toString();
    }
}
