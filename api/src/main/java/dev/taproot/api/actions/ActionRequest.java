package dev.taproot.api.actions;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An action someone asks for: what, on which object, and why.
 *
 * @param kind      the action
 * @param namespace the Deployment's namespace (ignored for nodes)
 * @param target    the Deployment or node name
 * @param replicas  the replica count ({@code scale} only; null: one more than now)
 * @param reason    why, in the asker's words (recorded with the change)
 * @param diagnosis the diagnosis that proposed it, or null
 * @param incident  the incident it is meant to fix, or null
 */
public record ActionRequest(@JsonProperty(required = true) ActionKind kind, String namespace,
                            @JsonProperty(required = true) String target, Integer replicas, String reason,
                            String diagnosis, String incident) {

    public ActionRequest {
        if (kind == null) {
            throw new IllegalArgumentException("field 'kind': required (restart, rollback, scale or cordon)");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("field 'target': required: the " + kind.targetKind() + " name");
        }
        if (!target.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
            throw new IllegalArgumentException("field 'target': '" + target + "' is not a Kubernetes object name");
        }
        if (kind.targetKind().equals("Deployment")) {
            if (namespace == null || namespace.isBlank()) {
                throw new IllegalArgumentException("field 'namespace': required for " + kind.id());
            }
            if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new IllegalArgumentException("field 'namespace': '" + namespace + "' is not a Kubernetes namespace name");
            }
        } else {
            namespace = null;
        }
        if (replicas != null && (kind != ActionKind.SCALE || replicas < 0 || replicas > 1000)) {
            throw new IllegalArgumentException(kind != ActionKind.SCALE ? "field 'replicas': only for scale"
                    : "field 'replicas': must be between 0 and 1000, was " + replicas);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("field 'reason': required: say why (it is recorded with the change)");
        }
        if (reason.length() > 2000) {
            throw new IllegalArgumentException("field 'reason': at most 2000 characters");
        }
    }

    /** The kubectl command with the same effect. */
    public String kubectl() {
        return kind.kubectl(namespace, target, replicas);
    }
}
