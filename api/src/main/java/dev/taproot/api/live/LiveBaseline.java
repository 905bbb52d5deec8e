package dev.taproot.api.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which period a live analysis compares its window with ({@code tunables.liveBaseline}).
 * <ul>
 *   <li>{@link Kind#PRECEDING}: the {@code span} just before the window, fetched with the window in one
 *       range ({@code 1h}: the hour before).</li>
 *   <li>{@link Kind#EARLIER}: the same window {@code span} earlier ({@code day}, {@code week},
 *       {@code 3d earlier}), fetched as a second range, so a daily or weekly rhythm does not look like a fault.</li>
 * </ul>
 *
 * @param kind the shape
 * @param span the length of the preceding period, or how far back the same window is taken
 */
public record LiveBaseline(Kind kind, Duration span) {

    /** The two shapes. */
    public enum Kind { PRECEDING, EARLIER }

    /** The longest preceding period. */
    public static final Duration MAX_PRECEDING = Duration.ofDays(8);
    /** The furthest back an earlier window may lie (Prometheus keeps 15 days by default). */
    public static final Duration MAX_EARLIER = Duration.ofDays(35);
    /** The hour before the window. */
    public static final LiveBaseline DEFAULT = preceding(Duration.ofHours(1));

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    public LiveBaseline {
        if (kind == null || span == null || span.isZero() || span.isNegative()) {
            throw new IllegalArgumentException("a baseline needs a kind and a positive span");
        }
        Duration max = kind == Kind.PRECEDING ? MAX_PRECEDING : MAX_EARLIER;
        if (span.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be at most " + text(max) + (kind == Kind.PRECEDING ? " before the window"
                    : " earlier") + ", was " + text(span));
        }
    }

    /** The period of this length just before the window. */
    public static LiveBaseline preceding(Duration length) {
        return new LiveBaseline(Kind.PRECEDING, length);
    }

    /** The same window this long before. */
    public static LiveBaseline earlier(Duration offset) {
        return new LiveBaseline(Kind.EARLIER, offset);
    }

    /** A time range. */
    public record Range(Instant from, Instant to) {
    }

    /**
     * The range fetched as baseline for a window: before the window for {@link Kind#PRECEDING}; the window
     * moved back by the span for {@link Kind#EARLIER}, cut at the window start when the span is shorter than
     * the window (the two never overlap).
     */
    public Range rangeFor(Instant start, Instant end) {
        if (kind == Kind.PRECEDING) {
            return new Range(start.minus(span), start);
        }
        Instant to = end.minus(span);
        return new Range(start.minus(span), to.isAfter(start) ? start : to);
    }

    /**
     * Reads the configuration's text: a duration ({@code 1h}: the period before the window), {@code day},
     * {@code week}, or {@code <duration> earlier} ({@code 3d earlier}: the same window that long before).
     *
     * @throws IllegalArgumentException with a message completing "field: ..."
     */
    public static LiveBaseline parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (t) {
            case "day" -> {
                return earlier(Duration.ofDays(1));
            }
            case "week" -> {
                return earlier(Duration.ofDays(7));
            }
            default -> {
                // parsed below
            }
        }
        boolean earlier = t.endsWith(" earlier");
        String amount = earlier ? t.substring(0, t.length() - " earlier".length()).strip() : t.replaceFirst("^preceding ", "");
        Matcher m = DURATION.matcher(amount);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            Duration iso = iso(amount);
            if (iso != null) {
                return earlier ? earlier(iso) : preceding(iso);
            }
            throw new IllegalArgumentException("must be a duration such as 1h (that long before the window), day or week "
                    + "(the same window a day or a week earlier) or a duration followed by 'earlier' such as '3d earlier', was '"
                    + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return earlier ? earlier(d) : preceding(d);
    }

    private static Duration iso(String text) {
        try {
            Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
            return d.isZero() || d.isNegative() ? null : d;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** How the configuration writes it: {@code 1h}, {@code day}, {@code week} or {@code 3d earlier}. */
    @Override
    public String toString() {
        if (kind == Kind.PRECEDING) {
            return text(span);
        }
        if (span.equals(Duration.ofDays(1))) {
            return "day";
        }
        return span.equals(Duration.ofDays(7)) ? "week" : text(span) + " earlier";
    }

    private static String text(Duration d) {
        if (d.toMillis() % 86_400_000 == 0) {
            return d.toDays() + "d";
        }
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
