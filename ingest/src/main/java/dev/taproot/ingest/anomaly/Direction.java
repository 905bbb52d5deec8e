package dev.taproot.ingest.anomaly;

import java.util.Locale;

/** Which way a series left its baseline. */
public enum Direction {
    UP, DOWN;

    /** {@code up} or {@code down}, as signals carry it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double sign() {
        return this == UP ? 1 : -1;
    }
}
