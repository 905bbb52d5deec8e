package dev.taproot.ingest.detect;

import java.util.List;

/** The detectors Taproot runs, registered explicitly: one per kind of evidence. */
public final class SignalDetectors {

    private SignalDetectors() {
    }

    /** Metrics, traces and logs, with the given settings. */
    public static List<SignalDetector> standard(TelemetryConfig config) {
        return List.of(new MetricDetector(config), new TraceDetector(config), new LogDetector(config));
    }
}
