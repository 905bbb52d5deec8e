package dev.taproot.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.testing.TestStores;

/** The contract suite against embedded Neo4j Community, reached over Bolt on loopback. */
class EmbeddedGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore store() {
        return TestStores.embedded();
    }

    @Test
    void embeddedStoreListensOnLoopbackBolt() {
        assertThat(store.describe()).isEqualTo("embedded Neo4j");
    }
}
