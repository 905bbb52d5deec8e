package dev.taproot.rules.test;

import java.util.ArrayList;
import java.util.List;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.CausalLink;
import dev.taproot.rules.engine.RuleMatcher;
import dev.taproot.rules.engine.Topology;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.RuleExample;
import dev.taproot.rules.pack.RulePack;

/**
 * Runs every rule's examples, as {@code promtool test rules} does for alerting rules: a positive
 * example passes when the rule links a cause on the expected entity (or its unit) to an effect; a
 * negative example passes when the rule links nothing.
 */
public final class RuleTestRunner {

    private final Vocabulary vocabulary;

    public RuleTestRunner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The outcome of one example. */
    public record Outcome(String ruleId, String example, boolean negative, boolean passed, String detail) {
    }

    /** Runs every example of every rule in the pack. */
    public List<Outcome> run(RulePack pack) {
        var out = new ArrayList<Outcome>();
        for (Rule rule : pack.rules()) {
            if (rule.examples().isEmpty()) {
                out.add(new Outcome(rule.id(), "(none)", false, false, "the rule has no examples"));
            }
            for (RuleExample ex : rule.examples()) {
                out.add(run(rule, ex));
            }
        }
        return out;
    }

    /** Runs one example of one rule. */
    public Outcome run(Rule rule, RuleExample example) {
        try {
            var graph = ExampleGraph.build(example);
            var topology = new Topology(graph, vocabulary);
            RuleMatcher.Result result = new RuleMatcher(vocabulary).match(List.of(rule), graph.signals(), topology);
            if (!result.failures().isEmpty()) {
                return new Outcome(rule.id(), example.name(), example.negative(), false, "rule failed: "
                        + result.failures().get(0).error());
            }
            List<CausalLink> links = result.links();
            if (example.negative()) {
                return new Outcome(rule.id(), example.name(), true, links.isEmpty(), links.isEmpty() ? "no link, as expected"
                        : "expected no link, got " + describe(links.get(0)));
            }
            String expectedUnit = topology.unit(example.expect());
            boolean ok = links.stream().anyMatch(l -> l.cause().entityKey().equals(example.expect())
                    || topology.unit(l.cause().entityKey()).equals(expectedUnit));
            return new Outcome(rule.id(), example.name(), false, ok, ok ? "linked " + example.expect()
                    : "expected a cause on " + example.expect() + ", got "
                    + (links.isEmpty() ? "no link" : describe(links.get(0))));
        } catch (RuntimeException e) {
            return new Outcome(rule.id(), example.name(), example.negative(), false, "bad example: " + dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    private static String describe(CausalLink l) {
        return l.cause().type() + " on " + l.cause().entityKey() + " -> " + l.effect().type() + " on " + l.effect().entityKey();
    }
}
