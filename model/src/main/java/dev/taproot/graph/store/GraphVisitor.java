package dev.taproot.graph.store;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;

/**
 * Receives the records of the graph one at a time, as {@link GraphStore#stream} reads them, so a whole
 * graph can be written out (an export) without being held in memory.
 */
public interface GraphVisitor {

    /** One entity. */
    void entity(Entity entity);

    /** One open topology relationship. */
    void relationship(Relationship relationship);

    /** One signal. */
    void signal(Signal signal);
}
