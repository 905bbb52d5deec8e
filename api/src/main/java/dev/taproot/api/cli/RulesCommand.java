package dev.taproot.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.pack.RuleLoader;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.test.RuleTestRunner;

/** {@code taproot rules test [DIR]} and {@code taproot rules list [DIR]}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Test and list rules.",
        subcommands = {RulesCommand.Test.class, RulesCommand.ListRules.class, CommandLine.HelpCommand.class})
public final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static RulePack load(Path dir) {
        return dir == null ? RulePack.builtIn() : new RuleLoader(Vocabulary.standard()).loadDirectory(dir);
    }

    /** Runs every rule's examples, as {@code promtool test rules} does. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the rules' example cases (the built-in pack when no DIR is given).")
    static final class Test implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A rules directory.")
        Path dir;

        @Override
        public Integer call() {
            RulePack pack = load(dir);
            List<RuleTestRunner.Outcome> outcomes = new RuleTestRunner(Vocabulary.standard()).run(pack);
            long failed = 0;
            for (RuleTestRunner.Outcome o : outcomes) {
                if (!o.passed()) {
                    failed++;
                    System.out.println("FAIL " + o.describe());
                }
            }
            System.out.printf("rules test: %d rules, %d examples, %d passed, %d failed%n", pack.rules().size(),
                    outcomes.size(), outcomes.size() - failed, failed);
            return failed == 0 ? 0 : 1;
        }
    }

    /** Lists the rules of a pack. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules (built-in pack when no DIR).")
    static final class ListRules implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A rules directory.")
        Path dir;

        @Override
        public Integer call() {
            RulePack pack = load(dir);
            for (Rule r : pack.rules()) {
                System.out.printf("%-42s %-11s %.2f  %s%n", r.id(), r.category(), r.confidence(), r.title());
            }
            System.out.println(pack.rules().size() + " rules " + pack.countsByCategory());
            return 0;
        }
    }
}
