package dev.taproot.ingest.detect;

import java.util.List;

/** The detectors Taproot runs, registered explicitly: one per kind of evidence. */
public final class SignalDetectors {

    private SignalDetectors() {
    }

    /** Metrics, traces and logs, with the given settings, and the calls that mesh request metrics show. */
    public static List<SignalDetector> standard(TelemetryConfig config) {
        return List.of(new MetricDetector(config), new TraceDetector(config), new LogDetector(config), new MeshCalls());
    }
}
