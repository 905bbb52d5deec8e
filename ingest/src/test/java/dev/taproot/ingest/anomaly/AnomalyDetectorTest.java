package dev.taproot.ingest.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    private final AnomalyDetector detector = new AnomalyDetector(DetectorConfig.DEFAULTS);

    private static TimeSeries series(long start, double... values) {
        var b = new TimeSeries.Builder(new SampleQuality());
        for (int i = 0; i < values.length; i++) {
            b.add(start + i * 60_000L, values[i]);
        }
        return b.build();
    }

    @Test
    void stepUpIsFoundWithItsOnsetAtTheFirstRaisedPoint() {
        TimeSeries baseline = series(0, 10, 11, 9, 10, 10.5, 9.5, 10, 11, 9);
        TimeSeries window = series(1_000_000, 10, 10.2, 30, 32, 31);
        Anomaly a = detector.detect(baseline, window).orElseThrow();
        assertThat(a.direction()).isEqualTo(Direction.UP);
        assertThat(a.onset()).isEqualTo(1_000_000 + 2 * 60_000L);
        assertThat(a.end()).isEqualTo(1_000_000 + 4 * 60_000L);
        assertThat(a.observed()).isEqualTo(32);
        assertThat(a.baseline()).isEqualTo(10);
        assertThat(a.score()).isGreaterThan(DetectorConfig.DEFAULT_THRESHOLD);
    }

    @Test
    void flatBaselineDoesNotMakeSmallWigglesExplode() {
        TimeSeries baseline = series(0, 100, 100, 100, 100, 100, 100);
        TimeSeries window = series(1_000_000, 100, 101, 102, 100);
        assertThat(detector.detect(baseline, window)).isEmpty();
        Anomaly drop = detector.detect(baseline, series(1_000_000, 100, 60, 55)).orElseThrow();
        assertThat(drop.direction()).isEqualTo(Direction.DOWN);
        assertThat(drop.score()).isLessThanOrEqualTo(DetectorConfig.DEFAULT_MAX_SCORE);
    }

    @Test
    void normalNoiseRaisesNothing() {
        TimeSeries baseline = series(0, 5, 7, 6, 5.5, 6.5, 7, 5, 6);
        assertThat(detector.detect(baseline, series(1_000_000, 6, 5.2, 6.8, 6.1))).isEmpty();
    }

    @Test
    void tooShortBaselineIsNotScored() {
        assertThat(detector.detect(series(0, 1), series(1_000_000, 50))).isEmpty();
    }

    @Test
    void builderSortsOutOfOrderSamplesAndCountsRepairs() {
        var q = new SampleQuality();
        TimeSeries s = new TimeSeries.Builder(q).add(3000, 3).add(1000, 1).add(2000, 2).add(2000, 2.5)
                .add(4000, Double.NaN).build();
        assertThat(s.times()).containsExactly(1000, 2000, 3000);
        assertThat(s.values()).containsExactly(1, 2.5, 3);
        assertThat(q.outOfOrder).isEqualTo(1);
        assertThat(q.duplicates).isEqualTo(1);
        assertThat(q.nonFinite).isEqualTo(1);
    }
}
