package dev.taproot.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.runbook.Runbook;
import dev.taproot.rules.runbook.Runbooks;

/** {@code taproot runbooks test [DIR]} and {@code taproot runbooks list [DIR]}. */
@Command(name = "runbooks", mixinStandardHelpOptions = true, description = "Test and list runbooks.",
        subcommands = {RunbooksCommand.Test.class, RunbooksCommand.ListRunbooks.class, CommandLine.HelpCommand.class})
public final class RunbooksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs every runbook's examples (built-in, plus DIR's when given). */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the runbooks' examples: the built-in runbooks, plus those of DIR when given.")
    static final class Test implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A runbooks directory.")
        Path dir;

        @Override
        public Integer call() {
            Runbooks runbooks = Runbooks.with(dir, Vocabulary.standard());
            List<String> failures = runbooks.test();
            failures.forEach(f -> System.out.println("FAIL " + f));
            int examples = runbooks.examples();
            System.out.printf("runbooks test: %d runbooks, %d examples, %d passed, %d failed%n", runbooks.all().size(),
                    examples, examples - failures.size(), failures.size());
            return failures.isEmpty() ? 0 : 1;
        }
    }

    /** Lists the runbooks in force. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the runbooks (built-in, plus DIR's).")
    static final class ListRunbooks implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A runbooks directory.")
        Path dir;

        @Override
        public Integer call() {
            Runbooks runbooks = Runbooks.with(dir, Vocabulary.standard());
            for (Runbook r : runbooks.all()) {
                var m = r.match();
                System.out.printf("%-28s %s%n    matches: %s%n", r.id(), r.title(), String.join(" | ", List.of(
                        "faultTypes " + m.faultTypes(), "alerts " + m.alerts(), "rules " + m.rules(), "entityTypes " + m.entityTypes())));
            }
            System.out.println(runbooks.all().size() + " runbooks");
            return 0;
        }
    }
}
