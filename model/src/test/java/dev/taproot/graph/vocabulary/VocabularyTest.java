package dev.taproot.graph.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.RelationshipTypes;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.standard();

    @Test
    void oomKilledIsAResourceExhaustionAndAFault() {
        assertThat(vocabulary.isA("OOMKilled", "ResourceExhaustion")).isTrue();
        assertThat(vocabulary.isA("OOMKilled", "Fault")).isTrue();
        assertThat(vocabulary.isA("OOMKilled", "Signal")).isTrue();
        assertThat(vocabulary.isA("ResourceExhaustion", "OOMKilled")).isFalse();
        assertThat(vocabulary.isA("Deploy", "Fault")).isFalse();
    }

    @Test
    void aTypeWithTwoParentsIsAKindOfBoth() {
        assertThat(vocabulary.isA("LatencyAnomaly", "MetricAnomaly")).isTrue();
        assertThat(vocabulary.isA("LatencyAnomaly", "Symptom")).isTrue();
    }

    @Test
    void everyEntityTypeConstantAndRelationshipTypeIsInTheVocabulary() throws IllegalAccessException {
        for (var field : EntityTypes.class.getFields()) {
            String type = (String) field.get(null);
            assertThat(vocabulary.isA(type, "Entity")).as(type).isTrue();
        }
        for (var field : RelationshipTypes.class.getFields()) {
            if (field.getType() == String.class) {
                assertThat(vocabulary.relationshipTypes()).contains((String) field.get(null));
            }
        }
    }

    @Test
    void unknownTypesAreNotKindsOfAnything() {
        assertThat(vocabulary.knows("NoSuchThing")).isFalse();
        assertThat(vocabulary.isA("NoSuchThing", "Fault")).isFalse();
    }

    @Test
    void turtleTheReaderCannotFollowIsRefusedWithItsLine() {
        assertThatThrownBy(() -> VocabularyTurtle.read("@prefix tp: <https://taproot.dev/ns#> .\ntp:A a [ ] ."))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> VocabularyTurtle.read("tp:A a tp:B ."))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tp:A");
    }

    @Test
    void aCommentOrAFullStopInsideAStringIsPartOfTheString() {
        var triples = VocabularyTurtle.read("""
                @prefix tp: <https://taproot.dev/ns#> .
                tp:A tp:note "one. # two ; three, \\"four\\"" ; tp:next tp:B , tp:C . # comment
                """);
        assertThat(triples).extracting(VocabularyTurtle.Triple::object)
                .containsExactly("\"one. # two ; three, \\\"four\\\"\"", "https://taproot.dev/ns#B", "https://taproot.dev/ns#C");
    }
}
