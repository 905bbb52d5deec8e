package dev.taproot.graph.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.testing.TestStores;

/** Export from a real store: the whole graph, or one entity's neighbourhood. */
class RdfExportStoreTest {

    @Test
    void exportsAnEntitysNeighbourhoodOrTheWholeGraph() {
        var store = TestStores.emptyEmbedded();
        store.write(new GraphBatch(List.of(Entity.of("service/a", "Service", "a"), Entity.of("service/b", "Service", "b"),
                Entity.of("service/far", "Service", "far")),
                List.of(Relationship.of("CALLS", "service/a", "service/b"), Relationship.of("CALLS", "service/b", "service/far")),
                List.of(), List.of()));

        String near = RdfExport.write(RdfExport.export(store, "service/a", 1), Lang.NTRIPLES);
        assertThat(near).contains("service%2Fb").doesNotContain("service%2Ffar");
        String all = RdfExport.write(RdfExport.export(store, null, 0), Lang.NTRIPLES);
        assertThat(all).contains("service%2Ffar");
        assertThatThrownBy(() -> RdfExport.export(store, "service/none", 1)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("service/none");
    }

    @Test
    void formatNamesMapToSyntaxesAndUnknownOnesAreRefusedByName() {
        assertThat(RdfExport.lang("JSON-LD")).isEqualTo(Lang.JSONLD);
        assertThat(RdfExport.lang(null)).isEqualTo(Lang.TURTLE);
        assertThat(RdfExport.lang("nt")).isEqualTo(Lang.NTRIPLES);
        assertThatThrownBy(() -> RdfExport.lang("xml")).hasMessageContaining("'xml'");
    }
}
