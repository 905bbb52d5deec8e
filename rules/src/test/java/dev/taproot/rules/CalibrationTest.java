package dev.taproot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.rules.eval.Calibration;
import dev.taproot.rules.eval.CaseOutcome;

class CalibrationTest {

    static CaseOutcome outcome(double confidence, boolean right) {
        return new CaseOutcome("c", "s", "f", "x", List.of(right ? "x" : "y"), right ? 1 : 0, 1, null, confidence);
    }

    @Test
    void confidencesThatAreRightAsOftenAsTheySayHaveNoCalibrationError() {
        var cases = new ArrayList<CaseOutcome>();
        for (int i = 0; i < 10; i++) {
            cases.add(outcome(0.9, i < 9));  // 0.9 and right 9 times in 10
            cases.add(outcome(0.3, i < 3));  // 0.3 and right 3 times in 10
        }
        Calibration c = Calibration.of(cases, 5);
        assertThat(c.cases()).isEqualTo(20);
        assertThat(c.ece()).isCloseTo(0.0, within(1e-9));
        assertThat(c.bins()).extracting(Calibration.Bin::accuracy).containsExactly(0.3, 0.9);
    }

    @Test
    void overconfidenceIsMeasuredAsTheGapBetweenConfidenceAndAccuracy() {
        var cases = new ArrayList<CaseOutcome>();
        for (int i = 0; i < 10; i++) {
            cases.add(outcome(0.95, i < 5)); // says 0.95, right half the time
        }
        cases.add(new CaseOutcome("e", "s", "f", "x", List.of(), 0, 0, "boom")); // no confidence: skipped
        Calibration c = Calibration.of(cases, 5);
        assertThat(c.cases()).isEqualTo(10);
        assertThat(c.ece()).isCloseTo(0.45, within(1e-9));
        assertThat(c.lines().get(c.lines().size() - 1)).contains("(ECE) 0.450 over 10 cases");
    }
}
