package dev.taproot.rules.ranking;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * How strong one signal is as evidence, in [0, 1): from its anomaly {@code score} when it has one
 * (error-log counts on their own, smaller scale), else from its severity; signals that are only symptoms (they travel between services) weigh less
 * than faults and changes (they start where they are seen).
 */
public final class SignalStrength {

    /** Attribute naming the entity whose own move accounts for this signal: the signal is its consequence. */
    public static final String EXPLAINED_BY = "explainedBy";
    /**
     * Attribute marking a signal inferred from other entities' signals (nothing measured on its entity moved):
     * evidence by elimination, which weighs as a symptom does, never as a fault seen where it is.
     */
    public static final String DERIVED = "derived";
    /**
     * Attribute marking a symptom the request reported and no detector measured ("availability dropped"): a
     * place for the causal walk to start from, never evidence about its entity.
     */
    public static final String REPORTED = "reported";

    private final Vocabulary vocabulary;
    private final RankingSettings settings;

    public SignalStrength(Vocabulary vocabulary, RankingSettings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The raw strength of the signal, before its type weight. */
    public double raw(Signal s) {
        double score = Math.abs(s.number("score", Double.NaN));
        if (!Double.isNaN(score)) {
            double scale = isErrorLogCount(s) ? settings.countScoreScale() : settings.scoreScale();
            return score / (score + scale);
        }
        return switch (s.severity()) {
            case CRITICAL -> 0.9;
            case ERROR -> 0.75;
            case WARNING -> 0.55;
            case INFO -> 0.3;
        };
    }

    /** Error lines of a log template above their baseline rate: scored as a count, not as a metric. */
    private boolean isErrorLogCount(Signal s) {
        return vocabulary.isA(s.type(), "LogSignature") && vocabulary.isA(s.type(), "ApplicationError");
    }

    /**
     * Whether the signal says something is broken or changed where it is seen. A resource metric that
     * fell (less CPU, memory, network or traffic than usual) is a consequence of less work arriving,
     * not a fault, so it counts as a symptom. So does a move the detectors found {@value #EXPLAINED_BY} another
     * entity's own fault (a node's CPU rising with one guest's container CPU is that guest's load).
     */
    public boolean isFault(Signal s) {
        if (s.attributes().get(EXPLAINED_BY) != null || s.attributes().get(DERIVED) != null) {
            return false;
        }
        if (vocabulary.isA(s.type(), "MetricAnomaly") && "down".equalsIgnoreCase(String.valueOf(s.attributes().get("direction")))) {
            return false;
        }
        return vocabulary.isA(s.type(), "Fault") || vocabulary.isA(s.type(), "Change")
                || vocabulary.isA(s.type(), "LogSignature");
    }

    /**
     * Whether the signal measures the wait of its entity on the calls it makes (a client-side latency,
     * {@code side=client}): it says the callees, or the network to them, got slower, so it is evidence about
     * them and an effect to explain, never the entity's own anomaly.
     */
    public boolean measuresCalleeWait(Signal s) {
        return "client".equals(s.attributes().get(CLIENT_SIDE_ATTRIBUTE));
    }

    /** Whether the signal says requests fail where it is seen (an error rate, unavailability), not why. */
    public boolean isErrorSymptom(Signal s) {
        return vocabulary.isA(s.type(), "ErrorRate") || vocabulary.isA(s.type(), "Unavailable");
    }

    /** Whether the signal shows failures on its entity: failing requests, or application errors (logs, spans). */
    public boolean isFailure(Signal s) {
        return isErrorSymptom(s) || vocabulary.isA(s.type(), "ApplicationError");
    }

    /** Attribute marking which side of a call a latency was measured on. */
    public static final String CLIENT_SIDE_ATTRIBUTE = "side";

    /** Whether the signal is a change (deploy, config, flag, scale). */
    public boolean isChange(Signal s) {
        return vocabulary.isA(s.type(), "Change");
    }

    /**
     * How sure we are that the signal is real, in [0, 1): {@code 1 - exp(-score / 6)} for anomaly scores
     * (a robust z of 3 gives 0.39, 10 gives 0.81), else from its severity. Used for confidence, not ranking.
     */
    public double significance(Signal s) {
        double score = Math.abs(s.number("score", Double.NaN));
        if (!Double.isNaN(score)) {
            return 1 - Math.exp(-score / 6.0);
        }
        return raw(s);
    }

    /** The strength weighted by what kind of evidence the signal is. */
    public double weighted(Signal s) {
        return raw(s) * (isFault(s) ? 1.0 : settings.symptomTypeWeight());
    }

    /**
     * How well a cause's size accounts for its effect's, for two latency anomalies measured by the same
     * metric (observed minus baseline): a callee slowed by much less than its caller explains little
     * of it, and a callee slowed by much more than its caller is not on the caller's critical path for
     * most requests (asynchronous or rarely called). The link weighs {@code (smaller delta / larger
     * delta)^exponent}; other links weigh 1, latency pairs of different metrics {@code crossMetricFactor}, and
     * pairs of two statistics of one measure ({@link #sameMeasure}) the smaller of the two.
     */
    public double propagationFactor(Signal cause, Signal effect) {
        if (!vocabulary.isA(cause.type(), "HighLatency") || !vocabulary.isA(effect.type(), "HighLatency")) {
            return 1.0;
        }
        double dc = cause.number("observed", Double.NaN) - cause.number("baseline", Double.NaN);
        double de = effect.number("observed", Double.NaN) - effect.number("baseline", Double.NaN);
        if (Double.isNaN(dc) || Double.isNaN(de) || dc <= 0 || de <= 0) {
            return 1.0;
        }
        double fit = Math.pow(Math.min(de / dc, dc / de), settings.deltaExponent());
        String cm = String.valueOf(cause.attributes().get("metric"));
        String em = String.valueOf(effect.attributes().get("metric"));
        if (cm.equals(em)) {
            return fit;
        }
        // two statistics of one measure (p90 and p99 of the same latency) share its unit: their sizes still
        // compare, so the link is never stronger than the same statistic's would be
        return sameMeasure(cm, em) ? Math.min(settings.crossMetricFactor(), fit) : settings.crossMetricFactor();
    }

    /** A statistic's token in a metric name: a quantile or an aggregate over the same measure. */
    private static final java.util.regex.Pattern STATISTIC = java.util.regex.Pattern.compile(
            "(?<=^|[_.])(p\\d{1,3}|q\\d{1,3}|quantile|average|avg|mean|median|max|min)(?=[_.]|$)");

    /**
     * Whether two metric names are statistics of one measure: equal once their quantile or aggregate token
     * ({@code p90}, {@code p99}, {@code average}, ...) is taken out ({@code latency_p90} and {@code latency_average},
     * {@code pod_server_latency_p95_seconds} and {@code pod_server_latency_p99_seconds}).
     */
    static boolean sameMeasure(String a, String b) {
        String x = STATISTIC.matcher(a.toLowerCase(java.util.Locale.ROOT)).replaceAll("*");
        String y = STATISTIC.matcher(b.toLowerCase(java.util.Locale.ROOT)).replaceAll("*");
        return x.contains("*") && x.equals(y);
    }
}
