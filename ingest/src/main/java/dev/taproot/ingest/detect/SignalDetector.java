package dev.taproot.ingest.detect;

/**
 * Turns one kind of evidence (metrics, traces, logs, ...) into anomaly signals: compares what the window
 * recorded with the baseline and writes signals with onsets (and, for traces, the calls seen) to the
 * context's writer. Detectors are registered explicitly ({@link SignalDetectors#standard}); the telemetry
 * analyzer runs each over the same parsed inputs, for a case replay and a live analysis alike. A detector
 * must not throw on odd data: what it cannot use it counts in the context's report.
 */
public interface SignalDetector {

    /** The kind of evidence it reads: {@code metrics}, {@code traces}, {@code logs}, ... */
    String evidence();

    /**
     * Detects what moved between {@code baseline} and {@code window} and writes the signals.
     *
     * @param window   the telemetry recorded around the analysis window (it may start before the window)
     * @param baseline telemetry of a fault-free period (may be empty)
     * @param context  the window, the entity resolver, the writer and the report of this analysis
     */
    void detect(Evidence window, Evidence baseline, DetectionContext context);
}
