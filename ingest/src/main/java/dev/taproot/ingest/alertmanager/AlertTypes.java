package dev.taproot.ingest.alertmanager;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * Maps an alert name to a signal type of the vocabulary when it clearly is one: the kube-prometheus
 * names ({@code KubePodCrashLooping} -> {@code CrashLoopBackOff}), a name equal to a vocabulary type,
 * or a name carrying an unambiguous word ({@code high_memory_load} -> {@code MemoryPressure}).
 * Anything else stays {@code Alert}.
 */
public final class AlertTypes {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("KubePodCrashLooping", "CrashLoopBackOff"),
            Map.entry("AlertmanagerClusterCrashlooping", "CrashLoopBackOff"),
            Map.entry("NodeSystemdServiceCrashlooping", "CrashLoopBackOff"),
            Map.entry("KubePodNotReady", "PodNotReady"),
            Map.entry("KubeContainerWaiting", "PodNotReady"),
            Map.entry("KubeDeploymentReplicasMismatch", "ReplicasMismatch"),
            Map.entry("KubeStatefulSetReplicasMismatch", "ReplicasMismatch"),
            Map.entry("KubeDeploymentRolloutStuck", "ReplicasMismatch"),
            Map.entry("KubeDaemonSetRolloutStuck", "ReplicasMismatch"),
            Map.entry("KubeDaemonSetNotScheduled", "ReplicasMismatch"),
            Map.entry("KubeDaemonSetMisScheduled", "ReplicasMismatch"),
            Map.entry("KubeStatefulSetUpdateNotRolledOut", "ReplicasMismatch"),
            Map.entry("KubeHpaReplicasMismatch", "ReplicasMismatch"),
            Map.entry("KubePdbNotEnoughHealthyPods", "ReplicasMismatch"),
            Map.entry("KubeHpaMaxedOut", "HPAMaxed"),
            Map.entry("KubeJobFailed", "JobFailed"),
            Map.entry("KubeJobNotCompleted", "JobFailed"),
            Map.entry("CPUThrottlingHigh", "CPUThrottling"),
            Map.entry("KubeCPUOvercommit", "QuotaExceeded"),
            Map.entry("KubeMemoryOvercommit", "QuotaExceeded"),
            Map.entry("KubeCPUQuotaOvercommit", "QuotaExceeded"),
            Map.entry("KubeMemoryQuotaOvercommit", "QuotaExceeded"),
            Map.entry("KubeQuotaExceeded", "QuotaExceeded"),
            Map.entry("KubeQuotaFullyUsed", "QuotaExceeded"),
            Map.entry("KubeQuotaAlmostFull", "QuotaExceeded"),
            Map.entry("KubePersistentVolumeFillingUp", "DiskFull"),
            Map.entry("KubePersistentVolumeInodesFillingUp", "DiskFull"),
            Map.entry("KubePersistentVolumeErrors", "FailedMount"),
            Map.entry("KubeNodeNotReady", "NodeNotReady"),
            Map.entry("KubeNodeReadinessFlapping", "NodeNotReady"),
            Map.entry("KubeNodeUnreachable", "NodeUnreachable"),
            Map.entry("KubeNodeEviction", "Evicted"),
            Map.entry("KubeNodePressure", "ResourceExhaustion"),
            Map.entry("KubeletDown", "KubeletDown"),
            Map.entry("KubeletTooManyPods", "ResourceExhaustion"),
            Map.entry("KubeletPodStartUpLatencyHigh", "HighLatency"),
            Map.entry("KubeletPlegDurationHigh", "NodeFault"),
            Map.entry("NodeFilesystemSpaceFillingUp", "DiskFull"),
            Map.entry("NodeFilesystemAlmostOutOfSpace", "DiskFull"),
            Map.entry("NodeFilesystemFilesFillingUp", "DiskFull"),
            Map.entry("NodeFilesystemAlmostOutOfFiles", "DiskFull"),
            Map.entry("NodeMemoryHighUtilization", "MemoryPressure"),
            Map.entry("NodeMemoryMajorPagesFaults", "MemoryPressure"),
            Map.entry("NodeCPUHighUsage", "CPUSaturation"),
            Map.entry("NodeSystemSaturation", "CPUSaturation"),
            Map.entry("NodeDiskIOSaturation", "DiskIOSaturation"),
            Map.entry("NodeNetworkReceiveErrs", "PacketLoss"),
            Map.entry("NodeNetworkTransmitErrs", "PacketLoss"),
            Map.entry("NodeNetworkInterfaceFlapping", "NetworkFault"),
            Map.entry("NodeHighNumberConntrackEntriesUsed", "NetworkFault"),
            Map.entry("NodeFileDescriptorLimit", "ResourceExhaustion"),
            Map.entry("NodeRAIDDiskFailure", "NodeFault"),
            Map.entry("NodeRAIDDegraded", "NodeFault"),
            Map.entry("TargetDown", "TargetDown"),
            Map.entry("KubeAPIDown", "TargetDown"),
            Map.entry("KubeSchedulerDown", "TargetDown"),
            Map.entry("KubeControllerManagerDown", "TargetDown"),
            Map.entry("AlertmanagerClusterDown", "TargetDown"),
            Map.entry("KubeAggregatedAPIDown", "Unavailable"),
            Map.entry("KubeAPIInstanceUnreachable", "Unavailable"),
            Map.entry("KubeletInstanceUnreachable", "Unavailable"),
            Map.entry("KubeSchedulerInstanceUnreachable", "Unavailable"),
            Map.entry("KubeControllerManagerInstanceUnreachable", "Unavailable"),
            Map.entry("KubeAPIErrorBudgetBurn", "SLOBurn"),
            Map.entry("KubeAPITerminatedRequests", "ErrorRate"),
            Map.entry("KubeAggregatedAPIErrors", "ErrorRate"),
            Map.entry("KubeClientErrors", "ErrorRate"),
            Map.entry("KubeClientCertificateExpiration", "TLSCertificateExpiry"),
            Map.entry("KubeletClientCertificateExpiration", "TLSCertificateExpiry"),
            Map.entry("KubeletServerCertificateExpiration", "TLSCertificateExpiry"),
            Map.entry("KubeDeploymentGenerationMismatch", "Deploy"),
            Map.entry("KubeStatefulSetGenerationMismatch", "Deploy"));

    /** Words that name one type unambiguously, tried in order on the lower-cased name. */
    private static final List<Map.Entry<String, String>> WORDS = List.of(
            Map.entry("crashloop", "CrashLoopBackOff"),
            Map.entry("oomkill", "OOMKilled"),
            Map.entry("outofmemory", "OOMKilled"),
            Map.entry("imagepull", "ImagePullBackOff"),
            Map.entry("evict", "Evicted"),
            Map.entry("certificate", "TLSCertificateExpiry"),
            Map.entry("throttl", "CPUThrottling"),
            Map.entry("latency", "HighLatency"),
            Map.entry("slowquer", "SlowQuery"),
            Map.entry("replicationlag", "ReplicationLag"),
            Map.entry("consumerlag", "ConsumerLag"),
            Map.entry("timeout", "Timeout"),
            Map.entry("errorrate", "ErrorRate"),
            Map.entry("5xx", "ErrorRate"),
            Map.entry("memory", "MemoryPressure"),
            Map.entry("cpu", "CPUSaturation"),
            Map.entry("diskfull", "DiskFull"),
            Map.entry("filesystem", "DiskPressure"),
            Map.entry("disk", "DiskPressure"),
            Map.entry("dns", "DNSFailure"),
            Map.entry("restart", "ContainerRestart"),
            Map.entry("notready", "PodNotReady"),
            Map.entry("targetdown", "TargetDown"),
            Map.entry("instancedown", "TargetDown"),
            Map.entry("servicedown", "Unavailable"));

    private AlertTypes() {
    }

    /** The vocabulary's signal types by lower-case name, built once. */
    private static final class SignalTypesHolder {
        static final Map<String, String> BY_LOWER_NAME = build();

        private static Map<String, String> build() {
            var m = new java.util.HashMap<String, String>();
            Vocabulary.standard().signalTypes().forEach(t -> m.put(t.toLowerCase(Locale.ROOT), t));
            return Map.copyOf(m);
        }
    }

    /** The signal type of an alert name. */
    public static String signalType(String alertname) {
        if (alertname == null || alertname.isBlank()) {
            return "Alert";
        }
        String known = KNOWN.get(alertname);
        if (known != null) {
            return known;
        }
        String exact = SignalTypesHolder.BY_LOWER_NAME.get(alertname.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return exact;
        }
        String flat = alertname.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (var w : WORDS) {
            if (flat.contains(w.getKey())) {
                return w.getValue();
            }
        }
        return "Alert";
    }
}
