package dev.taproot.rules.ranking;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * How strong one signal is as evidence, in [0, 1): from its anomaly {@code score} when it has one,
 * else from its severity; signals that are only symptoms (they travel between services) weigh less
 * than faults and changes (they start where they are seen).
 */
public final class SignalStrength {

    private final Vocabulary vocabulary;
    private final RankingSettings settings;

    public SignalStrength(Vocabulary vocabulary, RankingSettings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
    }

    /** The raw strength of the signal, before its type weight. */
    public double raw(Signal s) {
        double score = Math.abs(s.number("score", Double.NaN));
        if (!Double.isNaN(score)) {
            return score / (score + settings.scoreScale());
        }
        return switch (s.severity()) {
            case CRITICAL -> 0.9;
            case ERROR -> 0.75;
            case WARNING -> 0.55;
            case INFO -> 0.3;
        };
    }

    /**
     * Whether the signal says something is broken or changed where it is seen. A resource metric that
     * fell (less CPU, memory, network or traffic than usual) is a consequence of less work arriving,
     * not a fault, so it counts as a symptom.
     */
    public boolean isFault(Signal s) {
        if (vocabulary.isA(s.type(), "MetricAnomaly") && "down".equalsIgnoreCase(String.valueOf(s.attributes().get("direction")))) {
            return false;
        }
        return vocabulary.isA(s.type(), "Fault") || vocabulary.isA(s.type(), "Change")
                || vocabulary.isA(s.type(), "LogSignature");
    }

    /** Whether the signal is a change (deploy, config, flag, scale). */
    public boolean isChange(Signal s) {
        return vocabulary.isA(s.type(), "Change");
    }

    /** The strength weighted by what kind of evidence the signal is. */
    public double weighted(Signal s) {
        return raw(s) * (isFault(s) ? 1.0 : settings.symptomTypeWeight());
    }
}
