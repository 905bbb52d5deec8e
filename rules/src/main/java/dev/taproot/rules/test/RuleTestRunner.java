package dev.taproot.rules.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.store.ErrorMessages;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.causal.CausalLink;
import dev.taproot.rules.engine.RuleMatcher;
import dev.taproot.rules.causal.Topology;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.RuleExample;
import dev.taproot.rules.pack.RulePack;

/**
 * Runs every rule's examples, as {@code promtool test rules} does for alerting rules. A positive
 * example passes when the rule links a cause on the expected entity (or its unit) and blames no
 * other unit; a negative example passes when the rule links nothing although the example holds a
 * signal the rule could take as its cause and one it could take as its effect.
 *
 * <p>Refused, so that an example cannot pass by saying nothing: a rule without a positive or without
 * a negative example, two examples of one rule with the same name, an expected entity not listed
 * under the example's {@code entities}, a relation or signal on an unlisted entity, and an entity or
 * signal type the vocabulary does not know.
 */
public final class RuleTestRunner {

    private final Vocabulary vocabulary;

    public RuleTestRunner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The outcome of one example, or of a check on a rule's examples as a whole ({@code example} in brackets). */
    public record Outcome(String file, String ruleId, String example, boolean negative, boolean passed, String detail) {

        /** {@code file: rule / example: detail}, the line a failure is reported with. */
        public String describe() {
            return file + ": " + ruleId + " / " + example + ": " + detail;
        }
    }

    /** Runs every example of every rule in the pack, after checking each rule has the examples it needs. */
    public List<Outcome> run(RulePack pack) {
        var out = new ArrayList<Outcome>();
        for (Rule rule : pack.rules()) {
            out.addAll(checkExamples(rule));
            for (RuleExample ex : rule.examples()) {
                out.add(run(rule, ex));
            }
        }
        return out;
    }

    /** Failures for a rule whose examples cannot show it works: none, no positive, no negative, a repeated name. */
    List<Outcome> checkExamples(Rule rule) {
        var out = new ArrayList<Outcome>();
        if (rule.examples().stream().noneMatch(e -> !e.negative())) {
            out.add(ruleFailure(rule, "the rule has no positive example (one with expect: <entity>)"));
        }
        if (rule.examples().stream().noneMatch(RuleExample::negative)) {
            out.add(ruleFailure(rule, "the rule has no negative example (one with expect: none)"));
        }
        var names = new HashSet<String>();
        for (RuleExample e : rule.examples()) {
            if (!names.add(e.name())) {
                out.add(ruleFailure(rule, "two examples are named '" + e.name() + "'"));
            }
        }
        return out;
    }

    private static Outcome ruleFailure(Rule rule, String detail) {
        return new Outcome(rule.origin(), rule.id(), "(examples)", false, false, detail);
    }

    /** Runs one example of one rule. */
    public Outcome run(Rule rule, RuleExample example) {
        try {
            var graph = ExampleGraph.build(example);
            String unknown = unknownType(graph);
            if (unknown != null) {
                return outcome(rule, example, false, "bad example: " + unknown);
            }
            if (!example.negative() && !graph.entitiesByKey().containsKey(example.expect())) {
                return outcome(rule, example, false, "bad example: expect '" + example.expect()
                        + "' is not listed under entities");
            }
            var topology = new Topology(graph, vocabulary);
            RuleMatcher.Result result = new RuleMatcher(vocabulary).match(List.of(rule), graph.signals(), topology);
            if (!result.failures().isEmpty()) {
                return outcome(rule, example, false, "rule failed: " + result.failures().get(0).error());
            }
            List<CausalLink> links = result.links();
            if (example.negative()) {
                if (!links.isEmpty()) {
                    return outcome(rule, example, false, "expected no link, got " + describe(links.get(0)));
                }
                String vacuous = vacuous(rule, graph);
                return vacuous == null ? outcome(rule, example, true, "no link, as expected")
                        : outcome(rule, example, false, "bad example: " + vacuous + ", so 'none' proves nothing");
            }
            String expectedUnit = topology.unit(example.expect());
            boolean found = links.stream().anyMatch(l -> topology.unit(l.cause().entityKey()).equals(expectedUnit));
            if (!found) {
                return outcome(rule, example, false, "expected a cause on " + example.expect() + ", got "
                        + (links.isEmpty() ? "no link" : describe(links.get(0))));
            }
            for (CausalLink l : links) {
                if (!topology.unit(l.cause().entityKey()).equals(expectedUnit)) {
                    return outcome(rule, example, false, "expected only " + example.expect() + " to be blamed, "
                            + "also got " + describe(l));
                }
            }
            return outcome(rule, example, true, "linked " + example.expect());
        } catch (RuntimeException e) {
            return outcome(rule, example, false, "bad example: " + ErrorMessages.describe(e));
        }
    }

    private Outcome outcome(Rule rule, RuleExample example, boolean passed, String detail) {
        return new Outcome(rule.origin(), rule.id(), example.name(), example.negative(), passed, detail);
    }

    /** The first entity or signal type of the example the vocabulary does not know, described; null when all are known. */
    private String unknownType(Subgraph graph) {
        for (var e : graph.entities()) {
            if (!vocabulary.knows(e.type()) || !vocabulary.isA(e.type(), "Entity")) {
                return "entity " + e.key() + " has type '" + e.type() + "', not an entity type of the vocabulary";
            }
        }
        for (Signal s : graph.signals()) {
            if (!vocabulary.knows(s.type()) || !vocabulary.isA(s.type(), "Signal")) {
                return "signal '" + s.type() + "' on " + s.entityKey() + " is not a signal type of the vocabulary";
            }
        }
        return null;
    }

    /**
     * Why a negative example cannot fail: no signal of one of the rule's cause types, or none of its effect
     * types; null when it can. Entity types and conditions are left aside, and a broader or narrower type
     * counts, since a negative example may show exactly that they are not enough.
     */
    private String vacuous(Rule rule, Subgraph graph) {
        if (graph.signals().stream().noneMatch(s -> isOneOf(s, rule.cause().signalTypes()))) {
            return "no signal is of the rule's cause types " + rule.cause().signalTypes();
        }
        if (graph.signals().stream().noneMatch(s -> isOneOf(s, rule.effect().signalTypes()))) {
            return "no signal is of the rule's effect types " + rule.effect().signalTypes();
        }
        return null;
    }

    private boolean isOneOf(Signal s, List<String> types) {
        return types.stream().anyMatch(t -> vocabulary.isA(s.type(), t)
                || !s.type().equals("Signal") && vocabulary.isA(t, s.type()));
    }

    private static String describe(CausalLink l) {
        return l.cause().type() + " on " + l.cause().entityKey() + " -> " + l.effect().type() + " on " + l.effect().entityKey();
    }
}
