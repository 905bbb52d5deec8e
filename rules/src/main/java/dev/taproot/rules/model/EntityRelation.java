package dev.taproot.rules.model;

import java.util.Locale;

/**
 * How a rule's cause entity must relate to its effect entity.
 *
 * @param kind    the relation
 * @param maxHops hop limit for relations that follow chains (CALLS)
 */
public record EntityRelation(Kind kind, int maxHops) {

    /** The relations a rule can ask for. Entities are compared at the level of their service unit. */
    public enum Kind {
        /** Same entity, or the same service unit (a service, its workloads, pods and containers). */
        SAME_ENTITY,
        /** The cause is a callee of the effect (effect -CALLS-> ... -> cause): failures travel to callers. */
        CALLEE,
        /** The cause is a caller of the effect (cause -CALLS-> ... -> effect): load travels to callees. */
        CALLER,
        /** The effect's unit runs on the cause's node or host. */
        HOST,
        /** Cause and effect run on the same node or host (noisy neighbour). */
        CO_LOCATED,
        /** The effect's unit uses the cause's ConfigMap or Secret. */
        CONFIG,
        /** The cause owns, selects or contains the effect, or the other way round. */
        OWNERSHIP,
        /** The effect depends on the cause: DEPENDS_ON, CONSUMES_API or a direct CALLS, one step only. */
        DEPENDENCY,
        /**
         * The cause consumes from the effect's queue or topic (cause -CONSUMES_FROM-> effect): a slow
         * consumer makes its queue lag; the queue's producers are not its consumers.
         */
        CONSUMER,
        /** Either related in any of the ways above. */
        ANY;

        public static Kind parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown relation '" + text + "' (one of "
                        + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT).replace('_', '-') + ")");
            }
        }
    }

    public static final int DEFAULT_MAX_HOPS = 3;
}
