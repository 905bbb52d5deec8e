package dev.taproot.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.config.ConfigProblem;
import dev.taproot.api.config.ConfigSummary;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RulePacks;
import dev.taproot.rules.runbook.Runbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taproot config}: the configuration file. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Work with the configuration file.",
        subcommands = ConfigCommand.Check.class)
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code taproot config check FILE}: every mistake with its line and field (exit 1), else a summary with secrets masked. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a configuration file: print every mistake with its line and field, or a summary.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The configuration file (taproot.yaml).")
        Path file;

        @Option(names = "--no-env", description = "Check the file alone, without the TAPROOT_* environment variables over it.")
        boolean noEnv;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConfigLoader.Result result = noEnv ? ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE)
                    : ConfigLoader.fromProcess(file, CommandLineOverrides.NONE);
            for (ConfigProblem p : result.problems()) {
                (p.warning() ? out : err).println(p);
            }
            if (result.hasErrors()) {
                long errors = result.problems().stream().filter(p -> !p.warning()).count();
                err.println(file + ": " + errors + (errors == 1 ? " mistake" : " mistakes"));
                return 1;
            }
            if (result.config().rulesDir() != null) {
                try {
                    RulePacks.inForce(result.config().rulesDir());
                } catch (RuntimeException e) {
                    err.println(file + ": rules.directory: " + e.getMessage());
                    return 1;
                }
            }
            if (result.config().runbooksDir() != null) {
                try {
                    Runbooks.with(result.config().runbooksDir(), Vocabulary.standard());
                } catch (RuntimeException e) {
                    err.println(file + ": runbooks.directory: " + e.getMessage());
                    return 1;
                }
            }
            out.println(file + ": valid");
            ConfigSummary.lines(result.config()).forEach(line -> out.println("  " + line));
            return 0;
        }
    }
}
