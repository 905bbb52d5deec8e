package dev.taproot.rules.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RuleLoader;
import dev.taproot.rules.pack.RulePack;

class RuleTestRunnerTest {

    private static final String RULE = """
            rules:
              - id: custom.callee-errors
                title: Errors of a callee reach its callers
                category: propagation
                cause: {signal: [ErrorRate]}
                effect: {signal: [ErrorRate]}
                relation: {kind: callee, hops: 1}
                confidence: 0.6
                examples:
            """;
    private static final String POSITIVE = """
                  - name: callee b fails first
                    entities: [Service service/a, Service service/b]
                    relations: [service/a CALLS service/b]
                    signals: [ErrorRate service/b -1m, ErrorRate service/a 0]
                    expect: service/b
            """;
    private static final String NEGATIVE = """
                  - name: caller a is not blamed
                    entities: [Service service/a, Service service/b]
                    relations: [service/a CALLS service/b]
                    signals: [ErrorRate service/a -10m, ErrorRate service/b 0]
                    expect: none
            """;

    private final Vocabulary vocabulary = Vocabulary.standard();

    private List<RuleTestRunner.Outcome> run(String examples) {
        var rules = new RuleLoader(vocabulary).parse("custom.yaml", RULE + examples, new HashSet<>());
        return new RuleTestRunner(vocabulary).run(new RulePack("t", rules));
    }

    private List<String> failures(String examples) {
        return run(examples).stream().filter(o -> !o.passed()).map(RuleTestRunner.Outcome::describe).toList();
    }

    @Test
    void aRuleWithAPositiveAndANegativeExamplePasses() {
        assertThat(failures(POSITIVE + NEGATIVE)).isEmpty();
    }

    @Test
    void aRuleWithoutANegativeOrWithoutAPositiveExampleIsRefusedWithFileAndRule() {
        assertThat(failures(POSITIVE)).singleElement().asString()
                .startsWith("custom.yaml: custom.callee-errors / (examples): ").contains("no negative example");
        assertThat(failures(NEGATIVE)).singleElement().asString().contains("no positive example");
    }

    @Test
    void twoExamplesWithOneNameAreRefused() {
        assertThat(failures(POSITIVE + NEGATIVE.replace("caller a is not blamed", "callee b fails first")))
                .anyMatch(f -> f.contains("two examples are named 'callee b fails first'"));
    }

    @Test
    void anExpectedEntityThatIsNotListedIsRefusedWithTheExampleName() {
        assertThat(failures(POSITIVE.replace("expect: service/b", "expect: service/bb") + NEGATIVE)).singleElement()
                .asString().contains("custom.callee-errors / callee b fails first: bad example: expect 'service/bb'");
    }

    @Test
    void aSignalOnAnUnlistedEntityOrOfAnUnknownTypeIsRefused() {
        assertThat(failures(POSITIVE.replace("ErrorRate service/b -1m", "ErrorRate service/c -1m") + NEGATIVE))
                .singleElement().asString().contains("entity 'service/c' is not listed under entities");
        assertThat(failures(POSITIVE.replace("ErrorRate service/b -1m", "ErrorRat service/b -1m") + NEGATIVE))
                .singleElement().asString().contains("'ErrorRat' on service/b is not a signal type");
    }

    @Test
    void aNegativeExampleWithoutACauseSignalProvesNothing() {
        String vacuous = NEGATIVE.replace("[ErrorRate service/a -10m, ErrorRate service/b 0]",
                "[Deploy service/a -10m, Deploy service/b 0]");
        assertThat(failures(POSITIVE + vacuous)).singleElement().asString()
                .contains("no signal is of the rule's cause types [ErrorRate]");
    }

    @Test
    void aPositiveExampleFailsWhenTheRuleAlsoBlamesAnotherUnit() {
        String two = POSITIVE.replace("[Service service/a, Service service/b]", "[Service service/a, Service service/b, Service service/c]")
                .replace("[service/a CALLS service/b]", "[service/a CALLS service/b, service/a CALLS service/c]")
                .replace("[ErrorRate service/b -1m,", "[ErrorRate service/b -1m, ErrorRate service/c -1m,");
        assertThat(failures(two + NEGATIVE)).singleElement().asString()
                .contains("expected only service/b to be blamed, also got ErrorRate on service/c");
    }
}
