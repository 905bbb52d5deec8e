package dev.taproot.api.notify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the notifier did, per destination and per reason a notification was not sent; exported as metrics. */
public final class NotifyCounts {

    /** Why a notification was not sent. */
    public static final String BELOW_CONFIDENCE = "below-confidence";
    public static final String QUIET_HOURS = "quiet-hours";
    public static final String QUEUE_FULL = "queue-full";
    public static final String ERROR = "error";
    /** Every reason, for registering the meters up front. */
    public static final String[] REASONS = {BELOW_CONFIDENCE, QUIET_HOURS, QUEUE_FULL, ERROR};

    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final LongAdder held = new LongAdder();

    void countSent(String destination) {
        sent.computeIfAbsent(destination, k -> new LongAdder()).increment();
    }

    void countFailed(String destination) {
        failed.computeIfAbsent(destination, k -> new LongAdder()).increment();
    }

    void countSkipped(String reason) {
        skipped.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    void countHeld() {
        held.increment();
    }

    /** Messages posted or updated at {@code destination}. */
    public long sent(String destination) {
        return value(sent, destination);
    }

    /** Sends to {@code destination} that failed after their retries. */
    public long failed(String destination) {
        return value(failed, destination);
    }

    /** Notifications not sent for {@code reason} (one of {@link #REASONS}), counted per destination. */
    public long skipped(String reason) {
        return value(skipped, reason);
    }

    /** Notifications held through quiet hours (each hold counts once). */
    public long held() {
        return held.sum();
    }

    private static long value(Map<String, LongAdder> m, String key) {
        LongAdder a = m.get(key);
        return a == null ? 0 : a.sum();
    }
}
