package dev.taproot.ingest.events;

import java.util.Locale;

/**
 * Maps a Kubernetes event reason (and, where the reason is generic, its message) to a signal type of
 * the vocabulary; reasons without a more specific meaning stay {@code K8sEvent}.
 */
public final class EventReasons {

    private EventReasons() {
    }

    /**
     * Which way a scaling event went, from its message: {@code up} for the deployment controller's
     * "Scaled up replica set ..." and the autoscaler's "... above target", {@code down} for "Scaled down"
     * and "below target"; null when the message does not say.
     */
    public static String scaleDirection(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("scaled up") || m.contains("above target")) {
            return "up";
        }
        if (m.contains("scaled down") || m.contains("below target")) {
            return "down";
        }
        return null;
    }

    /** The signal type of an event. */
    public static String signalType(String reason, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (reason == null) {
            return "K8sEvent";
        }
        return switch (reason) {
            case "BackOff" -> m.contains("pull") || m.contains("image") ? "ImagePullBackOff" : "CrashLoopBackOff";
            case "CrashLoopBackOff" -> "CrashLoopBackOff";
            case "ImagePullBackOff", "ErrImagePull", "InspectFailed", "ErrImageNeverPull" -> "ImagePullBackOff";
            case "Failed" -> m.contains("pull") || m.contains("image") ? "ImagePullBackOff"
                    : m.contains("config") || m.contains("not found") ? "ConfigError" : "K8sEvent";
            case "OOMKilling", "OOMKilled", "SystemOOM" -> "OOMKilled";
            case "FailedScheduling", "NotTriggerScaleUp" -> "FailedScheduling";
            case "Unhealthy", "ProbeWarning" -> "ProbeFailure";
            case "NodeNotReady", "NodeNotSchedulable" -> "NodeNotReady";
            case "NodeHasInsufficientMemory", "NodeHasMemoryPressure", "EvictionThresholdMet" -> "MemoryPressure";
            case "NodeHasDiskPressure", "FreeDiskSpaceFailed", "ImageGCFailed" -> "DiskPressure";
            case "NodeHasInsufficientPID" -> "PIDPressure";
            case "Evicted", "Preempting", "Evict" -> "Evicted";
            case "FailedMount", "FailedAttachVolume", "FailedMapVolume" -> "FailedMount";
            case "ProvisioningFailed", "FailedBinding" -> "PVCPending";
            case "BackoffLimitExceeded", "DeadlineExceeded" -> "JobFailed";
            case "DNSConfigForming" -> "DNSFailure";
            case "FailedCreate", "FailedCreatePodSandBox" -> m.contains("quota") ? "QuotaExceeded" : "K8sEvent";
            case "ScalingReplicaSet", "SuccessfulRescale" -> "ScaleChange";
            case "FailedGetResourceMetric", "FailedComputeMetricsReplicas" -> "K8sEvent";
            case "Killing" -> m.contains("liveness") ? "ProbeFailure" : "K8sEvent";
            case "FailedCreatePodContainer", "CreateContainerConfigError", "CreateContainerError" -> "ConfigError";
            case "FailedPostStartHook", "FailedPreStopHook" -> "ApplicationError";
            default -> "K8sEvent";
        };
    }
}
