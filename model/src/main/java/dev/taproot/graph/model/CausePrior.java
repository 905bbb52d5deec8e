package dev.taproot.graph.model;

/**
 * What the history says about one entity as a root cause: how often people confirmed or rejected
 * it, and how many past incidents had it as their root cause. The analysis reads these as priors.
 *
 * @param entityKey     the entity
 * @param faultType     the fault type, or null when the counts cover any
 * @param confirmed     feedback that confirmed it as the cause
 * @param rejected      feedback that rejected it
 * @param pastIncidents past incidents with it as ROOT_CAUSE (with this fault type when given)
 */
public record CausePrior(String entityKey, String faultType, long confirmed, long rejected, long pastIncidents) {

    /**
     * A smoothed probability that this entity is the cause when suspected: (confirmed + past + 1) /
     * (confirmed + past + rejected + 2).
     */
    public double confidence() {
        double yes = confirmed + pastIncidents;
        return (yes + 1) / (yes + rejected + 2);
    }
}
