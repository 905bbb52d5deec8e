package dev.taproot.ingest.kubernetes;

/**
 * A workload or pod met while mapping, kept for the linking pass.
 *
 * @param object   the Kubernetes object
 * @param template its pod template
 * @param topLevel whether nothing in the input owns it (a Deployment, not its ReplicaSet)
 * @param ownerKey the key of the workload that owns it, or null
 */
record Workload(KubeObject object, PodTemplate template, boolean topLevel, String ownerKey) {

    String key() {
        return object.key();
    }
}
