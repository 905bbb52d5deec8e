package dev.taproot.api.actions;

/**
 * The Kubernetes actions Taproot can propose and, once approved, run. Each names the kind of object
 * it acts on, the change type it is recorded as in the graph, and the kubectl command a person would
 * type for the same effect.
 */
public enum ActionKind {
    /** Restart a Deployment's pods by a rolling restart. */
    RESTART("restart", "Deployment", "Deploy"),
    /** Roll a Deployment back to its previous ReplicaSet revision. */
    ROLLBACK("rollback", "Deployment", "Rollback"),
    /** Set a Deployment's replica count. */
    SCALE("scale", "Deployment", "ScaleChange"),
    /** Mark a node unschedulable. */
    CORDON("cordon", "Node", "InfrastructureChange");

    private final String id;
    private final String targetKind;
    private final String changeType;

    ActionKind(String id, String targetKind, String changeType) {
        this.id = id;
        this.targetKind = targetKind;
        this.changeType = changeType;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** {@code Deployment} or {@code Node}. */
    public String targetKind() {
        return targetKind;
    }

    /** The vocabulary change type the executed action is recorded as. */
    public String changeType() {
        return changeType;
    }

    /** The kubectl command with the same effect. */
    public String kubectl(String namespace, String target, Integer replicas) {
        return switch (this) {
            case RESTART -> "kubectl -n " + namespace + " rollout restart deployment/" + target;
            case ROLLBACK -> "kubectl -n " + namespace + " rollout undo deployment/" + target;
            case SCALE -> "kubectl -n " + namespace + " scale deployment/" + target + " --replicas="
                    + (replicas == null ? "<n>" : replicas.toString());
            case CORDON -> "kubectl cordon " + target;
        };
    }

    /** Parses {@code restart}, {@code rollback}, {@code scale} or {@code cordon}. */
    public static ActionKind parse(String text) {
        for (ActionKind k : values()) {
            if (k.id.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown action '" + text + "': expected restart, rollback, scale or cordon");
    }
}
