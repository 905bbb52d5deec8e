package dev.taproot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phase timings a server log states in one line each, as Taproot logs them at start-up:
 * {@code ... INFO dev.taproot.graph.embedded.EmbeddedNeo4j - embedded Neo4j started in 4123 ms, data in ...}
 * gives {@code "embedded Neo4j started" -> 4123}. A phase logged twice keeps its first time; shutdown
 * lines ({@code ... stopped in ...}) are left out.
 */
final class StartupPhases {

    private static final Pattern TIMING = Pattern.compile(" - (?:taproot: )?([A-Za-z][^,;()]*?) in (\\d+) ms\\b");

    private StartupPhases() {
    }

    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = TIMING.matcher(line);
            if (m.find() && !m.group(1).contains("stopped")) {
                phases.putIfAbsent(m.group(1).strip(), Long.parseLong(m.group(2)));
            }
        }
        return phases;
    }

    /** For each phase, {median, max} over the runs that logged it, in the order phases first appeared. */
    static Map<String, long[]> medians(List<Map<String, Long>> runs) {
        Map<String, List<Long>> all = new LinkedHashMap<>();
        runs.forEach(run -> run.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
        Map<String, long[]> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            long[] sorted = v.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            out.put(k, new long[] {sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1]});
        });
        return out;
    }
}
