package dev.taproot.graph.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.vocabulary.Vocabulary;

class RdfVocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.standard();

    @Test
    void serialisesAsTurtleAndJsonLd() {
        assertThat(RdfVocabulary.serialise(Lang.TURTLE)).contains("tp:OOMKilled").contains("rdfs:subClassOf");
        assertThat(RdfVocabulary.serialise(Lang.JSONLD)).contains("\"@context\"").contains("OOMKilled");
    }

    /** The model module reads vocabulary.ttl without Jena; Jena must see the same classes, parents and properties. */
    @Test
    void jenaReadsTheSameHierarchyAsTheModel() {
        Model model = RdfVocabulary.model();
        Set<String> classes = new HashSet<>();
        model.listSubjectsWithProperty(RDF.type, OWL.Class).forEachRemaining(c -> classes.add(c.getLocalName()));
        Map<String, Set<String>> parents = new HashMap<>();
        model.listStatements(null, RDFS.subClassOf, (Resource) null).forEachRemaining(st -> {
            classes.add(st.getSubject().getLocalName());
            parents.computeIfAbsent(st.getSubject().getLocalName(), k -> new HashSet<>())
                    .add(st.getObject().asResource().getLocalName());
        });
        Set<String> properties = new HashSet<>();
        model.listSubjectsWithProperty(RDF.type, OWL.ObjectProperty).forEachRemaining(p -> properties.add(p.getLocalName()));

        assertThat(vocabulary.classes()).containsExactlyInAnyOrderElementsOf(classes);
        assertThat(vocabulary.relationshipTypes()).containsExactlyInAnyOrderElementsOf(properties);
        for (String type : classes) {
            for (String parent : parents.getOrDefault(type, Set.of())) {
                assertThat(vocabulary.isA(type, parent)).as(type + " subClassOf " + parent).isTrue();
            }
            Set<String> direct = parents.getOrDefault(type, Set.of());
            for (String ancestor : vocabulary.ancestorsOf(type)) {
                if (!ancestor.equals(type)) {
                    assertThat(direct.stream().anyMatch(p -> vocabulary.isA(p, ancestor)))
                            .as(type + " is a " + ancestor + " only through a parent Jena sees").isTrue();
                }
            }
        }
    }
}
