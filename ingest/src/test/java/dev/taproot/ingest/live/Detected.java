package dev.taproot.ingest.live;

import java.time.Instant;
import java.util.List;

import dev.taproot.graph.model.GraphBatch;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.Evidence;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;

/** Runs the case replay's detectors over what a live source fetched, as the live path does. */
final class Detected {

    private Detected() {
    }

    static GraphBatch signals(LiveTelemetry fetched, Instant windowStart, Instant windowEnd) {
        var writer = new GraphWriter();
        new TelemetryAnalyzer().analyze(new Evidence(fetched.metrics(), fetched.spans(), fetched.logs()),
                new Evidence(List.of(), List.of(), List.of()), new AnalysisWindow(windowStart, windowEnd),
                TelemetryEntities.Graph.NONE, writer);
        return writer.batch();
    }
}
