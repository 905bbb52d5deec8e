package dev.taproot.graph.store;

import dev.taproot.graph.testing.TestStores;

/**
 * The contract suite against the embedded DBMS reached only through the driver over Bolt: the Cypher
 * code path that external mode uses (the embedded store reads subgraphs in-process instead).
 */
class EmbeddedOverBoltGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore store() {
        return TestStores.embeddedOverBolt();
    }
}
