package dev.taproot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.RuleExample;
import dev.taproot.rules.model.RuleExample.Kind;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.test.RuleTestRunner;

/** Every built-in rule's examples test that rule: its window, its threshold or relation, a competing cause. */
class BuiltInPackExamplesTest {

    private final List<Rule> rules = RulePack.builtIn().rules();

    @Test
    void everyRuleHasAPositiveAndANegativeExample() {
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.examples()).as(r.id()).anyMatch(e -> !e.negative());
            assertThat(r.examples()).as(r.id()).anyMatch(RuleExample::negative);
        });
    }

    @Test
    void everyRuleHasATimeExampleInsideAndOneOutsideItsWindow() {
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.examples()).as(r.id()).anyMatch(e -> e.kind() == Kind.TIME && !e.negative());
            assertThat(r.examples()).as(r.id()).anyMatch(e -> e.kind() == Kind.TIME && e.negative());
        });
    }

    @Test
    void everyRuleWithAConditionOrEntityTypesHasAThresholdExampleThatMustNotMatch() {
        List<Rule> limited = rules.stream().filter(BuiltInPackExamplesTest::hasThreshold).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited).allSatisfy(r -> assertThat(r.examples()).as(r.id())
                .anyMatch(e -> e.kind() == Kind.THRESHOLD && e.negative()));
    }

    @Test
    void everyRuleHasARelationOrThresholdExampleThatMustNotMatch() {
        assertThat(rules).allSatisfy(r -> assertThat(r.examples()).as(r.id())
                .anyMatch(e -> (e.kind() == Kind.RELATION || e.kind() == Kind.THRESHOLD) && e.negative()));
    }

    @Test
    void everyRuleHasACompetingExampleWithTwoCandidateCausesAndOneToBlame() {
        assertThat(rules).allSatisfy(r -> assertThat(r.examples()).as(r.id())
                .anyMatch(e -> e.kind() == Kind.COMPETING && !e.negative() && e.signals().size() >= 3));
    }

    @Test
    void everyExampleNameSaysWhatItShowsAndIsNotTheOldTemplate() {
        assertThat(rules).allSatisfy(r -> assertThat(r.examples()).as(r.id())
                .noneMatch(e -> e.name().contains("unrelated or too late"))
                .allSatisfy(e -> assertThat(e.name().length()).isGreaterThan(20)));
    }

    @Test
    void everyExampleOfTheBuiltInPassesAndNoRuleIsRefused() {
        List<RuleTestRunner.Outcome> outcomes = new RuleTestRunner(Vocabulary.standard()).run(RulePack.builtIn());
        assertThat(outcomes.stream().filter(o -> !o.passed()).map(RuleTestRunner.Outcome::describe)).isEmpty();
        assertThat(outcomes).hasSize(rules.stream().mapToInt(r -> r.examples().size()).sum());
    }

    private static boolean hasThreshold(Rule r) {
        return !r.cause().where().isEmpty() || !r.effect().where().isEmpty() || !r.cause().entityTypes().isEmpty()
                || !r.effect().entityTypes().isEmpty() || !r.thresholds().isEmpty();
    }
}
