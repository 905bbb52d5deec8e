package dev.taproot.graph.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.riot.Lang;
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
    void serialisesAsTurtleAndJsonLd() {
        assertThat(vocabulary.serialise(Lang.TURTLE)).contains("tp:OOMKilled").contains("rdfs:subClassOf");
        assertThat(vocabulary.serialise(Lang.JSONLD)).contains("\"@context\"").contains("OOMKilled");
    }

    @Test
    void unknownTypesAreNotKindsOfAnything() {
        assertThat(vocabulary.knows("NoSuchThing")).isFalse();
        assertThat(vocabulary.isA("NoSuchThing", "Fault")).isFalse();
    }
}
