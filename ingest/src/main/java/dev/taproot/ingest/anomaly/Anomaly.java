package dev.taproot.ingest.anomaly;

/**
 * A series left its baseline in the window.
 *
 * @param direction      up or down
 * @param score          robust z of the most extreme window point, capped ({@link DetectorConfig#maxScore()});
 *                       comparable across metrics because it is measured in baseline spreads
 * @param baseline       the baseline median
 * @param spread         the baseline spread used (scaled MAD, floored)
 * @param observed       the most extreme window value
 * @param onset          epoch ms of the change point: the first point of the excursion holding the peak
 * @param peak           epoch ms of the most extreme point
 * @param end            epoch ms of the last point of that excursion
 * @param anomalousPoints window points beyond the threshold in this direction
 * @param windowPoints   window points scored
 */
public record Anomaly(Direction direction, double score, double baseline, double spread, double observed,
                      long onset, long peak, long end, int anomalousPoints, int windowPoints) {
}
