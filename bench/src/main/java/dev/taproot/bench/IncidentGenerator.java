package dev.taproot.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.taproot.graph.model.Incident;

/**
 * Synthetic incident history with an operations vocabulary: services built from common domain and
 * role words, fault types with their symptoms, alerts and fixes. Incident {@code i} is a pure function
 * of the seed and {@code i}, so every phase of a benchmark sees the same records without keeping them.
 */
public final class IncidentGenerator {

    static final String[] DOMAINS = {"checkout", "payment", "cart", "auth", "search", "inventory", "shipping",
            "email", "recommendation", "ads", "currency", "catalog", "orders", "billing", "user", "session", "gateway",
            "notification", "ledger", "pricing", "fraud", "media", "upload", "report", "analytics", "profile",
            "booking", "loyalty", "tax", "identity"};
    static final String[] ROLES = {"service", "api", "worker", "db", "cache", "queue", "frontend", "scheduler", "proxy",
            "consumer"};

    /** fault type, symptom phrase, alert, fix. */
    static final String[][] FAULTS = {
            {"OOMKilled", "pods were OOMKilled and restarted in a crash loop", "KubePodCrashLooping",
                    "raised the memory limit and fixed the allocation regression"},
            {"CPUThrottling", "CPU throttling raised p99 latency for every caller", "CPUThrottlingHigh",
                    "raised the CPU limit and added a horizontal pod autoscaler"},
            {"ConnectionPoolExhaustion", "requests waited for a database connection and timed out",
                    "HighRequestLatency", "raised the connection pool size and removed a leaked transaction"},
            {"DiskFull", "the volume ran out of disk space and writes failed", "NodeFilesystemAlmostOutOfSpace",
                    "cleaned old logs, expanded the volume and added log rotation"},
            {"CertificateExpired", "TLS handshakes failed after the certificate expired", "CertificateExpiringSoon",
                    "renewed the certificate and automated renewal with cert-manager"},
            {"DNSFailure", "name resolution failed intermittently for upstream calls", "CoreDNSErrorsHigh",
                    "scaled CoreDNS and enabled node-local DNS caching"},
            {"BadDeploy", "error rate jumped right after a deploy of a new version", "HighErrorRate",
                    "rolled back the deploy and added a canary stage"},
            {"ConfigError", "a config change pointed the service at the wrong endpoint", "TargetDown",
                    "reverted the config map and added schema validation"},
            {"MemoryLeak", "memory grew steadily until the process was killed", "ContainerMemoryNearLimit",
                    "patched the cache eviction leak and restarted the pods"},
            {"ReplicationLag", "replica lag grew and reads returned stale data", "PostgresReplicationLag",
                    "throttled the batch job and rebuilt the lagging replica"},
            {"NodeNotReady", "a node went NotReady and its pods were evicted", "KubeNodeNotReady",
                    "cordoned and replaced the node; spread pods across zones"},
            {"RateLimited", "the upstream provider rate limited our requests with 429s", "UpstreamErrorsHigh",
                    "added client-side backoff and requested a higher quota"},
            {"Deadlock", "transactions deadlocked and the queue backed up", "QueueBacklogGrowing",
                    "reordered lock acquisition and killed the blocked sessions"},
            {"KafkaConsumerLag", "consumer lag grew and events were processed late", "KafkaConsumerLagHigh",
                    "scaled the consumer group and fixed a slow handler"},
            {"NetworkPartition", "a network partition between zones caused timeouts", "TargetDown",
                    "failed over to the healthy zone and fixed the route table"},
    };
    static final String[] IMPACT = {"customers saw errors at checkout", "pages loaded slowly",
            "some requests returned 500", "background jobs were delayed", "logins failed for a subset of users",
            "orders were stuck in pending", "search results were stale", "emails were not sent"};
    static final String[] PEOPLE = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    static final Instant EPOCH = Instant.parse("2019-01-01T00:00:00Z");

    private final long seed;

    public IncidentGenerator(long seed) {
        this.seed = seed;
    }

    /** How many distinct services the vocabulary yields. */
    public static int serviceCount() {
        return DOMAINS.length * ROLES.length;
    }

    public static String service(int n) {
        return DOMAINS[n % DOMAINS.length] + "-" + ROLES[(n / DOMAINS.length) % ROLES.length];
    }

    public Incident incident(long i) {
        var r = new SplittableRandom(seed * 1_000_003L + i);
        String cause = service(r.nextInt(serviceCount()));
        String[] fault = FAULTS[r.nextInt(FAULTS.length)];
        var affected = new ArrayList<String>();
        affected.add(cause);
        int extra = r.nextInt(3);
        for (int k = 0; k < extra; k++) {
            affected.add(service(r.nextInt(serviceCount())));
        }
        String impact = IMPACT[r.nextInt(IMPACT.length)];
        String title = cause + ": " + fault[1].split(" and | after | until ")[0];
        String description = "Starting at " + (r.nextInt(24)) + ":" + (10 + r.nextInt(50)) + " UTC " + impact + ". "
                + "On " + cause + " " + fault[1] + ". " + affected.size() + " services were affected: "
                + String.join(", ", affected) + ". The on-call engineer was paged by " + fault[2] + ".";
        Instant started = EPOCH.plusSeconds(r.nextLong(7L * 365 * 86_400));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("alerts", List.of(fault[2]));
        return new Incident("GEN-" + i, title, description, started, started.plusSeconds(600 + r.nextInt(7200)),
                "SEV" + (1 + r.nextInt(4)), affected, cause, fault[0], fault[3] + ".",
                List.of("https://runbooks.example.internal/" + fault[0].toLowerCase()), PEOPLE[r.nextInt(PEOPLE.length)],
                List.of(fault[0].toLowerCase(), cause.split("-")[0]), props, "bench");
    }

    /** A failure-like query: text about a fault on a service, with structure. */
    public dev.taproot.search.SimilarQuery query(long q) {
        var r = new SplittableRandom(seed * 7_919L + q + 1);
        String service = service(r.nextInt(serviceCount()));
        String[] fault = FAULTS[r.nextInt(FAULTS.length)];
        String text = service + " " + fault[1] + ", " + IMPACT[r.nextInt(IMPACT.length)];
        return dev.taproot.search.SimilarQuery.builder().text(text).services(List.of(service))
                .alerts(List.of(fault[2])).faultTypes(List.of(fault[0])).limit(5).build();
    }
}
