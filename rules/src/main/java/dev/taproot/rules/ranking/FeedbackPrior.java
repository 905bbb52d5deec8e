package dev.taproot.rules.ranking;

/**
 * What people said of a unit when Taproot proposed it as a cause before, as a factor on its score:
 * twice the smoothed share of confirmations, {@code 2 (confirmed + 1) / (confirmed + rejected + 2)}.
 * With no feedback it is 1; each confirmation moves it towards 2 and each rejection towards 0, so one
 * vote counts (×1.33 or ×0.67), three agreeing votes count more (×1.6 or ×0.4), and a disputed unit
 * (as many of each) stays at 1. Past root causes of incidents have their own prior and are not counted here.
 */
public final class FeedbackPrior {

    private FeedbackPrior() {
    }

    /** The factor for these counts of confirmations and rejections. */
    public static double of(long confirmed, long rejected) {
        return 2.0 * (confirmed + 1.0) / (confirmed + rejected + 2.0);
    }
}
