package dev.taproot.ingest.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalleeWaitNamesTest {

    @Test
    void theClientTwinOfAServerMetricSwapsTheServerPartOnly() {
        assertThat(CalleeWait.clientMetric("pod_server_latency_p90_seconds")).hasValue("pod_client_latency_p90_seconds");
        assertThat(CalleeWait.clientMetric("http.server.duration")).hasValue("http.client.duration");
        assertThat(CalleeWait.clientMetric("observer_latency_seconds")).isEmpty();
        assertThat(CalleeWait.clientMetric("cpu_usage_seconds")).isEmpty();
    }
}
