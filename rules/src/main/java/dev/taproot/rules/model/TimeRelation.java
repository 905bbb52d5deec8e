package dev.taproot.rules.model;

import java.time.Duration;
import java.time.Instant;

/**
 * When the cause must start relative to the effect: at most {@code maxBefore} before the effect's
 * start, and at most {@code maxAfter} after it (clock skew and sampling make onsets a little noisy).
 */
public record TimeRelation(Duration maxBefore, Duration maxAfter) {

    public static final Duration DEFAULT_MAX_BEFORE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MAX_AFTER = Duration.ofMinutes(2);

    public static TimeRelation defaults() {
        return new TimeRelation(DEFAULT_MAX_BEFORE, DEFAULT_MAX_AFTER);
    }

    /** Whether a cause starting at {@code cause} may explain an effect starting at {@code effect}. */
    public boolean allows(Instant cause, Instant effect) {
        return !cause.isBefore(effect.minus(maxBefore)) && !cause.isAfter(effect.plus(maxAfter));
    }
}
