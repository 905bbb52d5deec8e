package dev.taproot.ingest.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gates of detection, each by what it means: persistence, ongoing shifts, spread floors, failed requests. */
class DetectionGatesTest {

    private final AnomalyDetector detector = new AnomalyDetector(DetectorConfig.DEFAULTS);
    private final RatioDetector ratios = new RatioDetector(DetectorConfig.DEFAULTS);

    private static TimeSeries series(long start, double... values) {
        var b = new TimeSeries.Builder(new SampleQuality());
        for (int i = 0; i < values.length; i++) {
            b.add(start + i * 60_000L, values[i]);
        }
        return b.build();
    }

    private static final double[] BASELINE = {10, 11, 9, 10, 10.5, 9.5, 10, 11, 9};

    @Test
    void oneHugeSpikeInAShortWindowOfCoarseSamplesCounts() {
        Anomaly a = detector.detect(BASELINE, series(0, 10, 500, 10), 0).orElseThrow();
        assertThat(a.anomalousPoints()).isEqualTo(1);
        assertThat(a.score()).isEqualTo(DetectorConfig.DEFAULT_MAX_SCORE);
    }

    @Test
    void oneModestSpikeAmongManySamplesWeighsTooLittle() {
        // z about 8 at one point of twelve: a sustained change would hold at least two
        assertThat(detector.detect(BASELINE, series(0, 10, 10, 10, 18, 10, 10, 10, 10, 10, 10, 10, 10), 0)).isEmpty();
        assertThat(detector.detect(BASELINE, series(0, 10, 10, 10, 18, 18, 10, 10, 10, 10, 10, 10, 10), 0)).isPresent();
    }

    @Test
    void spreadBorrowsTheTypicalLevelOnlyForAZeroBaseline() {
        double[] small = {0.05, 0.05, 0.05, 0.05};
        assertThat(detector.spread(small, 0.05, 10)).isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(detector.spread(new double[] {0, 0, 0}, 0, 10)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aShiftAlreadyThereBeforeTheWindowIsOngoingNotNew() {
        Anomaly a = detector.detect(BASELINE, series(0, 40, 41, 40), 0).orElseThrow();
        assertThat(detector.newInWindow(a, new double[] {40, 39})).isEmpty();
        assertThat(detector.newInWindow(a, new double[] {10, 10})).contains(a);
        Anomaly worse = detector.detect(BASELINE, series(0, 40, 90, 90), 0).orElseThrow();
        Anomaly fresh = detector.newInWindow(worse, new double[] {40, 40}).orElseThrow();
        assertThat(fresh.baseline()).isEqualTo(40);
        assertThat(fresh.score()).isLessThan(worse.score() + 1e-9);
    }

    @Test
    void aFewPointsOfAvailabilityOnABusyServiceAreManyFailedRequests() {
        double[] baseline = {100, 100, 99.9, 100, 100, 100};
        TimeSeries window = series(0, 100, 94, 95);
        Anomaly a = ratios.detect(baseline, window, new double[] {150, 150, 150}, true, 100).orElseThrow();
        assertThat(a.direction()).isEqualTo(Direction.DOWN);
        assertThat(a.score()).isGreaterThan(DetectorConfig.DEFAULT_THRESHOLD);
        // the same percentages over three requests are one failed request: nothing
        assertThat(ratios.detect(baseline, window, new double[] {3, 3, 3}, true, 100)).isEmpty();
        // more successes is never an anomaly of failures
        assertThat(ratios.detect(new double[] {90, 91, 90, 89}, series(0, 100, 100), new double[] {500, 500}, true, 100)
                .map(Anomaly::direction)).contains(Direction.UP);
    }

    @Test
    void errorRatiosCountTheValueAsFailures() {
        Anomaly a = ratios.detect(new double[] {0.01, 0.0, 0.01, 0.0}, series(0, 0.2, 0.25), new double[] {200, 200}, false, 1)
                .orElseThrow();
        assertThat(a.direction()).isEqualTo(Direction.UP);
    }
}
