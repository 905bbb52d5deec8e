package dev.taproot.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.api.eval.EvalReport;
import dev.taproot.api.eval.EvalRunner;
import dev.taproot.api.eval.LeaveOneSystemOut;
import dev.taproot.api.eval.NSigmaRanking;
import dev.taproot.rules.eval.CaseOutcome;
import dev.taproot.rules.eval.CaseSpec;

/** {@code taproot eval DIR}: replays labelled failure cases and scores the rankings (CASES.md). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Replay labelled failure cases in a temporary store and score AC@1, AC@3, Avg@5.")
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "DIR", description = "A folder of case folders (each with a case.yaml), or one case.")
    Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every case's ranking and the summary as JSON.")
    Path json;

    @Option(names = "--baseline", description = "Also score the N-Sigma ranking on the same cases and print it beside.")
    boolean baseline;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1", description = "Replay every N-th case only (default 1: all).")
    int every;

    @Option(names = "--loso", description = "Also report leave-one-system-out figures: each ranking parameter chosen on data "
            + "is chosen on the other systems and scored on the held-out one, beside the in-sample figure.")
    boolean loso;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory overriding the built-in pack (default: rules.directory, $TAPROOT_RULES).")
    Path rulesDir;

    @Option(names = "--dump", paramLabel = "DIR", hidden = true,
            description = "Also write each replayed case's stored graph as JSON into DIR (for offline study).")
    Path dump;

    @Option(names = "--openmetrics", paramLabel = "FILE", description = "Write the cases' recorded metrics as OpenMetrics "
            + "(each series labelled taproot_case) for 'promtool tsdb create-blocks-from openmetrics FILE DIR', and stop.")
    Path openMetrics;

    @Option(names = "--prometheus", paramLabel = "URL", description = "Ask the Prometheus at URL (holding the cases as "
            + "--openmetrics wrote them) for each case's metrics through the live path, instead of reading the files; "
            + "the files are replayed too and the rankings compared.")
    java.net.URI prometheus;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        List<Path> cases = CaseSpec.find(dir);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no case.yaml under " + dir);
        }
        if (openMetrics != null) {
            var specs = cases.stream().map(CaseSpec::read).toList();
            long samples = dev.taproot.api.eval.CaseMetrics.writeOpenMetrics(specs, openMetrics);
            System.err.println("eval: wrote " + samples + " samples of " + specs.size() + " case(s) to " + openMetrics
                    + "; backfill with: promtool tsdb create-blocks-from openmetrics " + openMetrics + " <prometheus data dir>");
            return 0;
        }
        System.err.println("eval: replaying " + cases.size() + " case(s) from " + dir + " in a temporary store"
                + (prometheus == null ? "" : ", metrics asked from " + prometheus));
        List<EvalRunner.Replay> replays;
        LeaveOneSystemOut held = null;
        List<String> fromFiles = null;
        try (EvalRunner runner = EvalRunner.startTemporary(EvalWiring.registry(), EvalWiring.rules(config, rulesDir))) {
            if (prometheus != null) {
                System.err.println("eval: first from the files, for the comparison");
                fromFiles = runner.replayAll(cases, every, null).stream().map(r -> String.join(",", r.outcome().ranking())).toList();
                runner.pullingMetricsWith(new dev.taproot.api.live.PrometheusCasePull(prometheus));
            }
            if (dump != null) {
                Files.createDirectories(dump);
            }
            LeaveOneSystemOut lo = loso ? new LeaveOneSystemOut(runner.store(), EvalWiring.rules(config, rulesDir),
                    LeaveOneSystemOut.defaultGrid()) : null;
            held = lo;
            replays = runner.replayAll(cases, every, System.err, dump == null && lo == null ? null : r -> {
                if (lo != null) {
                    lo.analyse(r);
                }
                if (dump == null) {
                    return;
                }
                try {
                    AnalysisJson.mapper().writeValue(dump.resolve(r.spec().id() + ".json").toFile(),
                            java.util.Map.of("spec", java.util.Map.of("id", r.spec().id(), "system", r.spec().system(),
                                    "start", r.spec().windowStart(), "end", r.spec().windowEnd(),
                                    "symptoms", r.spec().symptomEntities(), "expected", r.spec().expectedRootCause(),
                                    "fault", r.spec().expectedFaultType()), "graph", runner.snapshot(r.spec())));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        var outcomes = new ArrayList<CaseOutcome>();
        replays.forEach(r -> outcomes.add(r.outcome()));
        List<CaseOutcome> base = baseline ? nSigma(replays) : null;
        var report = new EvalReport(outcomes, base);
        if (json != null) {
            report.writeJson(json);
            System.err.println("eval: wrote " + json);
        }
        if (held != null) {
            held.print(System.out);
        }
        if (fromFiles != null) {
            printAgreement(replays, fromFiles);
        }
        report.print(System.out);
        return 0;
    }

    /** How many cases ranked the same from Prometheus as from the files, and which did not. */
    private static void printAgreement(List<EvalRunner.Replay> live, List<String> fromFiles) {
        int same = 0;
        var differ = new ArrayList<String>();
        for (int i = 0; i < live.size(); i++) {
            EvalRunner.Replay r = live.get(i);
            if (String.join(",", r.outcome().ranking()).equals(fromFiles.get(i))) {
                same++;
            } else {
                differ.add(r.spec().id());
            }
            r.loaded().notes().stream().filter(n -> n.startsWith("prometheus")).forEach(n -> System.out.println("  " + r.spec().id() + ": " + n));
        }
        System.out.println("prometheus: the same ranking as from the files in " + same + " of " + live.size() + " case(s)"
                + (differ.isEmpty() ? "" : "; different: " + String.join(", ", differ)));
    }

    private static List<CaseOutcome> nSigma(List<EvalRunner.Replay> replays) {
        var out = new ArrayList<CaseOutcome>();
        for (EvalRunner.Replay r : replays) {
            CaseSpec s = r.spec();
            long t0 = System.nanoTime();
            List<String> ranking = NSigmaRanking.rank(s);
            out.add(new CaseOutcome(s.id(), s.system(), s.expectedFaultType(), s.expectedRootCause(), ranking,
                    CaseOutcome.rankOf(s.expectedRootCause(), ranking), (System.nanoTime() - t0) / 1e6, null));
        }
        return out;
    }
}
