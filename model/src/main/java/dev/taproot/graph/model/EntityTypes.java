package dev.taproot.graph.model;

/** Entity type names of the vocabulary, as constants for code that creates entities. */
public final class EntityTypes {
    public static final String CLUSTER = "Cluster";
    public static final String NAMESPACE = "Namespace";
    public static final String NODE = "Node";
    public static final String HOST = "Host";
    public static final String SERVICE = "Service";
    public static final String DEPLOYMENT = "Deployment";
    public static final String STATEFUL_SET = "StatefulSet";
    public static final String DAEMON_SET = "DaemonSet";
    public static final String REPLICA_SET = "ReplicaSet";
    public static final String JOB = "Job";
    public static final String CRON_JOB = "CronJob";
    public static final String POD = "Pod";
    public static final String CONTAINER = "Container";
    public static final String DATABASE = "Database";
    public static final String QUEUE = "Queue";
    public static final String CACHE = "Cache";
    public static final String ENDPOINT = "Endpoint";
    public static final String API = "API";
    public static final String CONFIG_MAP = "ConfigMap";
    public static final String SECRET = "Secret";
    public static final String VOLUME_CLAIM = "PersistentVolumeClaim";
    public static final String INGRESS = "Ingress";
    public static final String EXTERNAL = "ExternalDependency";
    public static final String SYSTEM = "System";
    public static final String DOMAIN = "Domain";
    public static final String TEAM = "Team";
    public static final String COMPONENT = "Component";
    public static final String RESOURCE = "Resource";
    public static final String UNRESOLVED = "Unresolved";

    private EntityTypes() {
    }
}
