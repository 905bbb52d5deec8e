package dev.taproot.ingest.telemetry;

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
        assertThat(DetectionRanking.acAt(outcomes, 3)).isGreaterThan(0.3);
    }
}
