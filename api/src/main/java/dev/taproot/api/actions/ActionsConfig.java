package dev.taproot.api.actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code actions} section: whether Taproot may act on a Kubernetes cluster at all, which
 * kubeconfig and context it uses, the namespaces it may touch, and how long a proposal waits for
 * approval. Off unless enabled.
 *
 * @param enabled     whether actions can be proposed and run
 * @param kubeconfig  the kubeconfig file, or null for fabric8's usual lookup (in-cluster service
 *                    account, {@code KUBECONFIG}, {@code ~/.kube/config})
 * @param context     the kubeconfig context, or null for its current one
 * @param namespaces  the namespaces Deployment actions may touch (empty: any the credentials allow)
 * @param approvalTtl how long a proposal can be approved
 */
public record ActionsConfig(boolean enabled, Path kubeconfig, String context, List<String> namespaces, Duration approvalTtl) {

    public ActionsConfig {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        approvalTtl = approvalTtl == null ? ActionDesk.DEFAULT_TTL : approvalTtl;
    }

    public static ActionsConfig disabled() {
        return new ActionsConfig(false, null, null, List.of(), ActionDesk.DEFAULT_TTL);
    }
}
