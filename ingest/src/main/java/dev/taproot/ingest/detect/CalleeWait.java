package dev.taproot.ingest.detect;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taproot.ingest.anomaly.Anomaly;
import dev.taproot.ingest.anomaly.Direction;
import dev.taproot.ingest.metrics.MetricSeries;

/**
 * How much of a service's server-side latency rise its wait on its own callees accounts for. The time a service
 * takes to answer is its own work plus the time it waits on the calls it makes; the second is what the same pod's
 * client-side latency series measures (the OpenTelemetry naming pairs {@code http.server.duration} with
 * {@code http.client.duration}, and so do APM exporters with {@code server} and {@code client} in the name). When
 * the client-side latency rose, at the server-side peak, by as much as the server-side latency did, the service's
 * own work did not change: it is waiting on something downstream (a slow callee, or the network to it), and its
 * own latency is a symptom of that, not evidence against it.
 */
final class CalleeWait {

    private static final Pattern SERVER = Pattern.compile("(^|[_.])server([_.]|$)");

    private final Map<String, MetricSeries> current;
    private final Map<String, SeriesScorer.Split> splits;

    /**
     * @param current the window's series by identity
     * @param splits  their baselines and windows, by the same identity
     */
    CalleeWait(Map<String, MetricSeries> current, Map<String, SeriesScorer.Split> splits) {
        this.current = current;
        this.splits = splits;
    }

    private static final Pattern CLIENT = Pattern.compile("(^|[_.])client([_.]|$)");

    /**
     * Whether a metric measures the client side: how long a service waits on the calls it makes. Its rise is
     * evidence about the callees (or the network to them), not about the service itself.
     */
    static boolean clientSide(String metric) {
        return CLIENT.matcher(metric).find();
    }

    /** The client-side twin of a server-side metric name, if the name has a {@code server} part. */
    static Optional<String> clientMetric(String metric) {
        Matcher m = SERVER.matcher(metric);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(metric.substring(0, m.start()) + m.group(1) + "client" + m.group(2) + metric.substring(m.end()));
    }

    /**
     * The share, in [0, 1], of a rise of {@code server} that the rise of its client-side twin (same labels) at the
     * rise's peak explains: (client at the peak - client baseline median) / (server peak - server baseline median).
     * 0 when the anomaly is not a rise, or no twin exists or has a baseline.
     */
    double explainedShare(MetricSeries server, Anomaly a) {
        if (a.direction() != Direction.UP) {
            return 0;
        }
        Optional<String> twin = clientMetric(server.metric());
        if (twin.isEmpty()) {
            return 0;
        }
        String id = new MetricSeries(twin.get(), server.labels(), server.series()).id();
        MetricSeries client = current.get(id);
        SeriesScorer.Split split = splits.get(id);
        if (client == null || split == null || split.baseline().length == 0) {
            return 0;
        }
        double rise = a.observed() - a.baseline();
        double wait = SeriesScorer.valueAt(split.window(), a.peak()) - split.median();
        if (!(rise > 0) || Double.isNaN(wait) || wait <= 0) {
            return 0;
        }
        return Math.min(1, wait / rise);
    }
}
