package dev.taproot.ingest.telemetry;

import dev.taproot.ingest.detect.AnalysisWindow;
import java.util.List;

import dev.taproot.ingest.IngestInput;

/**
 * One telemetry analysis to run.
 *
 * @param signals  the window inputs (a case's {@code signals/} files); inputs in formats this analysis does
 *                 not read (alerts, events) are skipped and counted as {@code inputs.skipped}
 * @param baseline fault-free inputs in the same formats (a case's {@code baseline/}); may be empty
 * @param window   the time to analyse; {@link AnalysisWindow#UNKNOWN} when not known
 */
public record TelemetryRequest(List<IngestInput> signals, List<IngestInput> baseline, AnalysisWindow window) {

    public TelemetryRequest {
        signals = List.copyOf(signals);
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
        window = window == null ? AnalysisWindow.UNKNOWN : window;
    }

    /** A lone input, no baseline, no window (the {@code Ingestor} path). */
    public static TelemetryRequest of(IngestInput input) {
        return new TelemetryRequest(List.of(input), List.of(), AnalysisWindow.UNKNOWN);
    }
}
