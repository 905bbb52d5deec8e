package dev.taproot.graph.model;

import java.time.Instant;

/** The range of times Taproot stores; a time outside it is refused where it arrives, naming its field. */
public final class Times {

    /** The earliest time accepted. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /**
     * The earliest time of a past incident: postmortem archives reach back centuries (a public one
     * describes a ship lost in 1628), so incidents are not held to {@link #EARLIEST}.
     */
    public static final Instant EARLIEST_INCIDENT = Instant.parse("1000-01-01T00:00:00Z");
    /** The latest time accepted. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Times() {
    }

    /** {@code t} (null stays null), or an {@link IllegalArgumentException} naming {@code field} when out of range. */
    public static Instant require(Instant t, String field) {
        return ModelChecks.saneTime(t, field);
    }
}
