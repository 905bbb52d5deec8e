package dev.taproot.graph.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps per-record warnings and rejections of one input from flooding a log or an answer: the first
 * few of each kind of reason pass, the rest are only counted and summarised at the end ("12,345 more
 * records rejected for the same reason: ..."). Reasons are of the same kind when they differ only in
 * quoted values, IRIs and numbers ({@code Bad IRI: <http://a b>} and {@code Bad IRI: <x y>}).
 */
public final class RepeatedReasons {

    /** How many of each kind of reason pass by default. */
    public static final int DEFAULT_SHOWN_PER_KIND = 100;
    /** Past this many kinds, every new kind is counted under one "other reasons" line. */
    static final int MAX_KINDS = 100;
    private static final Pattern VARIABLE = Pattern.compile("<[^>]*>|'[^']*'|\"[^\"]*\"|\\d+");

    private final int shownPerKind;
    private final Map<String, long[]> byKind = new LinkedHashMap<>();
    private final Map<String, String> firstOfKind = new LinkedHashMap<>();

    public RepeatedReasons(int shownPerKind) {
        this.shownPerKind = shownPerKind;
    }

    public RepeatedReasons() {
        this(DEFAULT_SHOWN_PER_KIND);
    }

    /** Counts one occurrence; true when it should still be shown (logged, listed) in full. */
    public synchronized boolean admit(String reason) {
        String kind = kind(reason);
        if (!byKind.containsKey(kind) && byKind.size() >= MAX_KINDS) {
            kind = "(other reasons)";
        }
        firstOfKind.putIfAbsent(kind, reason);
        long[] seen = byKind.computeIfAbsent(kind, k -> new long[1]);
        seen[0]++;
        return seen[0] <= shownPerKind && !kind.equals("(other reasons)");
    }

    /** One line per kind that was cut: "{@code 12,345 more <what> for the same reason: <first reason>}". */
    public synchronized List<String> summary(String what) {
        var lines = new ArrayList<String>();
        byKind.forEach((kind, seen) -> {
            long hidden = kind.equals("(other reasons)") ? seen[0] : seen[0] - shownPerKind;
            if (hidden > 0) {
                lines.add(String.format(Locale.ROOT, "%,d more %s for the same reason: %s", hidden, what,
                        kind.equals("(other reasons)") ? "(too many different reasons to list)" : firstOfKind.get(kind)));
            }
        });
        return lines;
    }

    static String kind(String reason) {
        return reason == null ? "" : VARIABLE.matcher(reason).replaceAll("#");
    }
}
