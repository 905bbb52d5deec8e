package dev.taproot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.test.RuleTestRunner;

class BuiltInPackTest {

    @Test
    void builtInPackHasAtLeastFortyRulesAcrossTheAreas() {
        RulePack pack = RulePack.builtIn();
        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(pack.countsByCategory().keySet())
                .contains("kubernetes", "change", "propagation", "resource", "network", "datastore", "node");
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.id()).matches("[a-z0-9-]+\\.[a-z0-9-]+"));
    }

    @Test
    void everyRuleShipsWithAPositiveAndANegativeExample() {
        assertThat(RulePack.builtIn().rules()).allSatisfy(r -> {
            assertThat(r.examples()).anyMatch(e -> !e.negative());
            assertThat(r.examples()).anyMatch(e -> e.negative());
        });
    }

    @Test
    void everyExampleOfTheBuiltInPackPasses() {
        List<RuleTestRunner.Outcome> outcomes = new RuleTestRunner(Vocabulary.standard()).run(RulePack.builtIn());
        assertThat(outcomes.stream().filter(o -> !o.passed()).map(o -> o.ruleId() + " / " + o.example() + ": " + o.detail()))
                .isEmpty();
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(80);
    }
}
