package dev.taproot.ingest.telemetry;

import dev.taproot.ingest.detect.TelemetryConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;

/**
 * Ranks services by their strongest adverse anomaly signal in each case, no rules: a measure of how
 * much the detection alone points at the root cause. Used by tests to keep detection quality from
 * sliding, and printed for the README.
 */
final class DetectionRanking {

    /** Rank (1-based, 0 = absent) of the expected root cause per case. */
    record Outcome(String caseId, String system, String faultType, int rank, List<String> top) {
    }

    static List<Outcome> run(Path root, TelemetryConfig config) throws Exception {
        var out = new ArrayList<Outcome>();
        var analyzer = new TelemetryAnalyzer(config);
        for (Path dir : CaseFixture.cases(root)) {
            CaseFixture c = CaseFixture.read(dir);
            var writer = new GraphWriter();
            analyzer.analyze(new TelemetryRequest(c.signals(), c.baseline(), c.window()), c.graph(), writer);
            Map<String, Double> best = new LinkedHashMap<>();
            for (Signal s : writer.batch().signals()) {
                if (!s.entityKey().startsWith("service/")) {
                    continue;
                }
                best.merge(s.entityKey(), s.number("score", 0), Math::max);
            }
            List<String> ranked = best.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).toList();
            int rank = ranked.indexOf(EntityKeys.service(c.rootCause())) + 1;
            out.add(new Outcome(c.id(), c.system(), c.faultType(), rank, ranked.subList(0, Math.min(5, ranked.size()))));
        }
        return out;
    }

    static double acAt(List<Outcome> outcomes, int k) {
        return outcomes.stream().filter(o -> o.rank() > 0 && o.rank() <= k).count() / (double) outcomes.size();
    }

    static String table(List<Outcome> outcomes) {
        var sb = new StringBuilder();
        Map<String, List<Outcome>> byFault = new TreeMap<>();
        outcomes.forEach(o -> byFault.computeIfAbsent(o.faultType(), k -> new ArrayList<>()).add(o));
        byFault.forEach((f, list) -> sb.append(String.format("  %-16s n=%2d AC@1=%.2f AC@3=%.2f%n", f, list.size(),
                acAt(list, 1), acAt(list, 3))));
        sb.append(String.format("  %-16s n=%2d AC@1=%.2f AC@3=%.2f Avg@5=%.2f%n", "ALL", outcomes.size(),
                acAt(outcomes, 1), acAt(outcomes, 3),
                (acAt(outcomes, 1) + acAt(outcomes, 2) + acAt(outcomes, 3) + acAt(outcomes, 4) + acAt(outcomes, 5)) / 5));
        return sb.toString();
    }
}
