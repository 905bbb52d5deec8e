package dev.taproot.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.client.Config;

/**
 * What {@code ingest --cluster} tried when it could not read the cluster: the kubeconfig files it
 * looked for, the context it chose, the server it called, and whether an in-cluster service account
 * was there, so a user sees at once which of them is wrong.
 */
final class ClusterTried {

    /** Where Kubernetes mounts a pod's service account token. */
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private ClusterTried() {
    }

    static String describe(Config config, Exception cause) {
        var files = Config.getKubeconfigFilenames();
        String kubeconfig = files == null || files.isEmpty() ? "none named"
                : String.join(", ", files.stream().map(f -> f + (Files.exists(Path.of(f)) ? "" : " (missing)")).toList());
        String context = config.getCurrentContext() == null ? "none" : config.getCurrentContext().getName();
        boolean inCluster = Files.exists(SERVICE_ACCOUNT_TOKEN);
        String why = dev.taproot.graph.store.ErrorMessages.describe(cause).lines().findFirst().orElse("");
        return "cannot read the cluster at " + config.getMasterUrl() + " (kubeconfig: " + kubeconfig + "; context: " + context
                + "; in-cluster service account: " + (inCluster ? "present" : "absent")
                + "). Set KUBECONFIG or --context in your kubeconfig, or run inside the cluster: " + why;
    }
}
