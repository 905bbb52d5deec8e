package dev.taproot.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;

class ClusterTriedTest {

    @Test
    void theMessageNamesKubeconfigContextServerAndServiceAccount() {
        Config config = new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl("https://10.0.0.1:6443").build();
        String message = ClusterTried.describe(config, new KubernetesClientException("connect timed out"));
        assertThat(message).contains("https://10.0.0.1:6443", "kubeconfig:", "context: none",
                "in-cluster service account: absent", "connect timed out");
    }
}
