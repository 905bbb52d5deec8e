package dev.taproot.rules.engine;

import dev.taproot.graph.model.Signal;

/**
 * Something known about a change that its signal does not say: the release it rolled out is known to break
 * with what a neighbour runs, or it is not what the rest of the fleet runs. The engine makes the changed
 * unit a strong candidate and puts the sentence in its evidence.
 *
 * @param change   the change signal the fact is about
 * @param kind     what is known
 * @param sentence the fact as an engineer reads it, with where the knowledge came from
 * @param ref      a stable reference to the fact (for example the pair's key), for the evidence tree
 */
public record ChangeFact(Signal change, Kind kind, String sentence, String ref) {

    /** What is known about a change, with how much it raises the changed unit's score. */
    public enum Kind {
        /** The change created a version pair declared or learned to break. */
        KNOWN_BAD_PAIR(4.0),
        /** The change left the workload on another version than the rest of its fleet runs. */
        FLEET_DRIFT(1.6);

        private final double factor;

        Kind(double factor) {
            this.factor = factor;
        }

        /** The factor the changed unit's ranking score is multiplied by. */
        public double factor() {
            return factor;
        }
    }

    public ChangeFact {
        if (change == null || kind == null || sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("a change fact needs its change, kind and sentence");
        }
    }
}
