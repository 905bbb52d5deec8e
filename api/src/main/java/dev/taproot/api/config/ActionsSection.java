package dev.taproot.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.taproot.api.actions.ActionDesk;
import dev.taproot.api.actions.ActionsConfig;

/** Reads the {@code actions} section: approval-gated Kubernetes actions. */
final class ActionsSection {

    private ActionsSection() {
    }

    static ActionsConfig read(ConfigSection actions) {
        actions.allow("kubernetes", "approvalTtl");
        ConfigSection k8s = actions.section("kubernetes");
        k8s.allow("enabled", "kubeconfig", "context", "namespaces");
        boolean enabled = k8s.value("enabled", "TAPROOT_ACTIONS_KUBERNETES", ConfigValues.bool(), false);
        Path kubeconfig = k8s.path("kubeconfig", "TAPROOT_ACTIONS_KUBECONFIG", null);
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            k8s.error("kubeconfig", "no such file: " + kubeconfig);
        }
        String context = k8s.value("context", "TAPROOT_ACTIONS_CONTEXT", ConfigValues.text(), null);
        var namespaces = k8s.strings("namespaces", "TAPROOT_ACTIONS_NAMESPACES");
        for (String ns : namespaces) {
            if (!ns.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                k8s.error("namespaces", "'" + ns + "' is not a Kubernetes namespace name");
            }
        }
        Duration ttl = actions.value("approvalTtl", "TAPROOT_ACTIONS_APPROVAL_TTL",
                ConfigValues.duration(Duration.ofHours(24)), ActionDesk.DEFAULT_TTL);
        return new ActionsConfig(enabled, kubeconfig, context, namespaces, ttl);
    }
}
