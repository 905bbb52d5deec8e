package dev.taproot.graph.model;

import java.util.List;

/** Relationship type names of the vocabulary. */
public final class RelationshipTypes {
    /** Caller to callee, from traces or call graphs. */
    public static final String CALLS = "CALLS";
    /** A needs B to work (configuration, catalog). */
    public static final String DEPENDS_ON = "DEPENDS_ON";
    /** Pod or workload to the node or host it runs on. */
    public static final String RUNS_ON = "RUNS_ON";
    /** Owner to owned (Deployment owns ReplicaSet owns Pod). */
    public static final String OWNS = "OWNS";
    public static final String MEMBER_OF = "MEMBER_OF";
    /** Service to the workloads or pods its selector picks. */
    public static final String SELECTS = "SELECTS";
    public static final String USES_CONFIG = "USES_CONFIG";
    public static final String PROVIDES_API = "PROVIDES_API";
    public static final String CONSUMES_API = "CONSUMES_API";
    /**
     * A consumer to the queue or topic it reads messages from. Producers are not this: they CALL the
     * queue or DEPEND_ON it.
     */
    public static final String CONSUMES_FROM = "CONSUMES_FROM";
    public static final String PART_OF = "PART_OF";
    public static final String OWNED_BY = "OWNED_BY";
    public static final String ROUTES_TO = "ROUTES_TO";
    public static final String MOUNTS = "MOUNTS";
    public static final String SCALES = "SCALES";

    /** Types that link a signal or an incident to entities, never followed as topology. */
    public static final String ON = "ON";
    public static final String AFFECTED = "AFFECTED";
    public static final String ROOT_CAUSE = "ROOT_CAUSE";

    /** Every topology relationship type (what the subgraph read follows). */
    public static final List<String> TOPOLOGY = List.of(CALLS, DEPENDS_ON, RUNS_ON, OWNS, MEMBER_OF, SELECTS,
            USES_CONFIG, PROVIDES_API, CONSUMES_API, CONSUMES_FROM, PART_OF, OWNED_BY, ROUTES_TO, MOUNTS, SCALES);

    private RelationshipTypes() {
    }
}
