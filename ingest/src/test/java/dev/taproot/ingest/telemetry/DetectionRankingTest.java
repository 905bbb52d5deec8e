package dev.taproot.ingest.telemetry;

import dev.taproot.ingest.detect.TelemetryConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.testing.SharedData;

/** Detection alone, ranked by score, on the shared labelled cases: a floor that keeps detection honest. */
class DetectionRankingTest {

    @Test
    void nezhaObRootCausesRankHighOnDetectionAlone() throws Exception {
        List<DetectionRanking.Outcome> outcomes = DetectionRanking.run(SharedData.require("cases/nezha-ob"),
                TelemetryConfig.DEFAULTS);
        System.out.println("nezha-ob detection-only ranking\n" + DetectionRanking.table(outcomes));
        if (Boolean.getBoolean("taproot.verbose")) {
            outcomes.forEach(o -> System.out.println(o));
        }
        assertThat(DetectionRanking.acAt(outcomes, 1)).isGreaterThanOrEqualTo(0.5);
        assertThat(DetectionRanking.acAt(outcomes, 3)).isGreaterThanOrEqualTo(0.65);
    }

    @Test
    void otherSystemsPrintTheirFigures() throws Exception {
        for (String system : List.of("petshop", "nezha-tt")) {
            List<DetectionRanking.Outcome> outcomes = DetectionRanking.run(SharedData.require("cases/" + system),
                    TelemetryConfig.DEFAULTS);
            System.out.println(system + " detection-only ranking\n" + DetectionRanking.table(outcomes));
            if (Boolean.getBoolean("taproot.verbose")) {
                outcomes.forEach(o -> System.out.println(o));
            }
            assertThat(outcomes).isNotEmpty();
        }
    }

    /** Parameter sweep for tuning, run on demand: {@code -Dtaproot.sweep=true}. */
    @Test
    void sweep() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("taproot.sweep"), "sweep on demand");
        for (boolean range : new boolean[] {true, false}) {
            for (double thr : new double[] {3, 5}) {
                var cfg = TelemetryConfig.DEFAULTS.withDetector(
                        TelemetryConfig.DEFAULTS.detector().withOutsideRange(range).withThreshold(thr));
                var sb = new StringBuilder(String.format("range=%s thr=%.0f", range, thr));
                for (String system : List.of("nezha-ob", "petshop", "nezha-tt")) {
                    var o = DetectionRanking.run(SharedData.require("cases/" + system), cfg);
                    sb.append(String.format("  %s %.2f/%.2f", system, DetectionRanking.acAt(o, 1), DetectionRanking.acAt(o, 3)));
                }
                System.out.println(sb);
            }
        }
    }
}
