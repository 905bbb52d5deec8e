package dev.taproot.graph.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.taproot.graph.model.Signal;

/**
 * Reads of signals (alerts, events, changes, metric anomalies) on entities over a time window.
 */
public interface SignalReads {

    /** Signals overlapping a window, on any entity when {@code entityKeys} is empty. */
    List<Signal> signals(Collection<String> entityKeys, Instant from, Instant to);
}
