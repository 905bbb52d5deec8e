package dev.taproot.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.store.StoreConfig;

/**
 * This module's class path has no embedded DBMS (it lives in taproot-graph-embedded), as a deployment
 * against an external Neo4j server does: an embedded store then fails with a message that names what is
 * missing and how to configure an external server instead.
 */
class EmbeddedStoreNeedsTheEmbeddedModuleTest {

    @Test
    void withoutTheEmbeddedModuleAnEmbeddedStoreSaysWhatIsMissingAndHowToUseAnExternalNeo4j(@TempDir Path home) {
        assertThatThrownBy(() -> GraphStores.open(StoreConfig.embedded(home, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("taproot-graph-embedded")
                .hasMessageContaining("TAPROOT_EMBEDDED=0")
                .hasMessageContaining("TAPROOT_NEO4J_URI=neo4j://host:7687")
                .hasMessageContaining("store.external.uri");
    }
}
