package dev.taproot.ingest.metrics;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.taproot.ingest.anomaly.Direction;

/**
 * Maps a metric name to the most specific anomaly type of the vocabulary and to the direction in which
 * a move is bad. The first matching rule wins; {@link #DEFAULTS} covers common Prometheus, cAdvisor,
 * node-exporter and APM names. An anomaly in the harmless direction (latency down, success rate up)
 * is typed {@code MetricAnomaly}, never as the symptom or fault type. Network throughput (bytes and packets
 * received or sent) is volume, typed as traffic: it rises and falls with what callers send, so it says where
 * load went, not where the network broke; drops and retransmissions stay network faults.
 */
public record MetricClassifier(List<Rule> rules) {

    /** Which way of moving hurts. */
    public enum Adverse {
        UP, DOWN, BOTH;

        public boolean includes(Direction d) {
            return this == BOTH || name().equals(d.name());
        }
    }

    /**
     * One mapping rule.
     *
     * @param pattern regular expression found anywhere in the lower-cased metric name
     * @param type    the vocabulary type for an anomaly in the adverse direction
     * @param adverse the adverse direction
     */
    public record Rule(Pattern pattern, String type, Adverse adverse) {
        public static Rule of(String regex, String type, Adverse adverse) {
            return new Rule(Pattern.compile(regex), type, adverse);
        }
    }

    /** The result: the type to use and whether the direction is the adverse one. */
    public record Kind(String type, String family, boolean adverse) {
    }

    public static final String GENERIC = "MetricAnomaly";

    /** Names of network throughput series: bytes or packets received or sent. */
    static final String VOLUME = "(receive|transmit|rx|tx|sent|recv)\\w*?_(bytes|packets)"
            + "|(bytes|packets)_(received|sent|transmitted|recv|rx|tx)";

    public static final MetricClassifier DEFAULTS = new MetricClassifier(List.of(
            Rule.of("latency|duration|response_?time|elapsed|rtt|_delay|wait_time", "LatencyAnomaly", Adverse.UP),
            Rule.of("success|availability|available|uptime|_up$|^up$", "ErrorRateAnomaly", Adverse.DOWN),
            Rule.of("error|fail|exception|5xx|fault|timeout|reject|dropped_requests", "ErrorRateAnomaly", Adverse.UP),
            Rule.of("cpu|throttl|load1|load5", "CPUAnomaly", Adverse.UP),
            Rule.of("mem|heap|rss|oom|swap|gc_", "MemoryAnomaly", Adverse.UP),
            // lost or resent packets are a network fault; bytes and packets moved are volume, set by what the
            // peers send and ask for, so they move with load like request counts (traffic, not a fault)
            Rule.of("drop|retrans", "NetworkAnomaly", Adverse.UP),
            Rule.of(VOLUME, "TrafficAnomaly", Adverse.BOTH),
            Rule.of("network|net_|receive|transmit|packet|tcp|udp|socket|bandwidth|conntrack", "NetworkAnomaly", Adverse.BOTH),
            Rule.of("disk|filesystem|fs_|_io_|iops|io_time|blkio|inode|volume", "DiskAnomaly", Adverse.UP),
            Rule.of("request|_ops|qps|rps|throughput|traffic|calls|invocations|_total$|_count$|_sum$|workload",
                    "TrafficAnomaly", Adverse.BOTH)));

    public MetricClassifier {
        rules = List.copyOf(rules);
    }

    /** The type for an anomaly of {@code metric} in direction {@code d}. */
    public Kind classify(String metric, Direction d) {
        String name = metric.toLowerCase(Locale.ROOT);
        for (Rule r : rules) {
            if (r.pattern().matcher(name).find()) {
                boolean adverse = r.adverse().includes(d);
                return new Kind(adverse ? r.type() : GENERIC, r.type(), adverse);
            }
        }
        return new Kind(GENERIC, GENERIC, true);
    }
}
