package dev.taproot.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code taproot bench <name>}: end-to-end benchmarks that print their figures. Each benchmark is one
 * subcommand class, registered here; its last output line is a one-line summary.
 */
@Command(name = "taproot bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (load rates, latencies).",
        subcommands = {
                GraphBench.class,
                AnalysisBench.class,
                IngestBench.class, KubernetesIngestBench.class,
                TelemetryMetricsBench.class, TelemetryLogsBench.class, TelemetryFalseAlarmBench.class,
                ChatOpsBench.class, AlertBench.class,
                McpBench.class,
                SoakBench.class, OtlpBench.class, StartupBench.class,
                IncidentBench.class,
                RetrievalBench.class,
                CommandLine.HelpCommand.class
        })
public final class BenchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        dev.taproot.api.cli.TaprootCli.quietLibraries();
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }
}
