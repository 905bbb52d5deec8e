package dev.taproot.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code taproot} command line. Each subcommand is one class, registered here. */
@Command(name = "taproot", mixinStandardHelpOptions = true, version = "taproot 0.1.0",
        description = "Knowledge-graph root-cause analysis for IT operations.",
        subcommands = {
                ServeCommand.class,
                McpCommand.class,
                DemoCommand.class,
                ImportCommand.class,
                SearchCommand.class,
                ReindexCommand.class,
                IngestCommand.class,
                EvalCommand.class,
                AnalyzeCommand.class,
                RulesCommand.class, RunbooksCommand.class, DriftCommand.class,
                ExportCommand.class,
                ConfigCommand.class,
                CommandLine.HelpCommand.class
        })
public final class TaprootCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Held so that the level set on it lasts (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        quietLibraries();
        System.exit(run(args));
    }

    /**
     * Lucene says on every start whether its vector module is there (INFO) or not (WARNING); the CLI
     * leaves the module to the retrieval benchmark, and neither line helps a user. Every main calls this.
     */
    public static void quietLibraries() {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new TaprootCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("taproot: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("taproot.debug")) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }
}
