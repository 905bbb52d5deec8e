package dev.taproot.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.taproot.ingest.anomaly.Direction;

class MetricClassifierTest {

    private final MetricClassifier c = MetricClassifier.DEFAULTS;

    @Test
    void commonNamesMapToTheMostSpecificType() {
        assertThat(c.classify("pod_server_latency_p99_seconds", Direction.UP).type()).isEqualTo("LatencyAnomaly");
        assertThat(c.classify("container_cpu_usage_seconds_total", Direction.UP).type()).isEqualTo("CPUAnomaly");
        assertThat(c.classify("memory_usage_rate_percent", Direction.UP).type()).isEqualTo("MemoryAnomaly");
        assertThat(c.classify("pod_success_rate_percent", Direction.DOWN).type()).isEqualTo("ErrorRateAnomaly");
        assertThat(c.classify("http_requests_errors_total", Direction.UP).type()).isEqualTo("ErrorRateAnomaly");
        assertThat(c.classify("requests_sum", Direction.DOWN).type()).isEqualTo("TrafficAnomaly");
        assertThat(c.classify("node_disk_io_time_seconds_total", Direction.UP).type()).isEqualTo("DiskAnomaly");
        assertThat(c.classify("syscall_read", Direction.UP).type()).isEqualTo("MetricAnomaly");
    }

    @Test
    void networkThroughputIsVolumeButLostPacketsAreANetworkFault() {
        assertThat(c.classify("network_receive_bytes", Direction.UP).type()).isEqualTo("TrafficAnomaly");
        assertThat(c.classify("node_network_transmit_bytes_total", Direction.DOWN).type()).isEqualTo("TrafficAnomaly");
        assertThat(c.classify("container_network_receive_packets_total", Direction.UP).type()).isEqualTo("TrafficAnomaly");
        assertThat(c.classify("container_network_receive_packets_dropped_total", Direction.UP).type())
                .isEqualTo("NetworkAnomaly");
        assertThat(c.classify("node_netstat_Tcp_RetransSegs", Direction.UP).type()).isEqualTo("NetworkAnomaly");
        assertThat(c.classify("tcp_connections", Direction.UP).type()).isEqualTo("NetworkAnomaly");
    }

    @Test
    void harmlessDirectionIsOnlyAGenericAnomaly() {
        MetricClassifier.Kind k = c.classify("latency_p99", Direction.DOWN);
        assertThat(k.type()).isEqualTo("MetricAnomaly");
        assertThat(k.adverse()).isFalse();
        assertThat(c.classify("availability_average", Direction.UP).adverse()).isFalse();
    }
}
