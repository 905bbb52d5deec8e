package dev.taproot.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.config.NotifyConfig;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.ingest.live.TelemetrySource;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * Everything Taproot is configured with: read once at start by {@link ConfigLoader} from
 * {@code taproot.yaml}, the environment and the command line, then passed to whatever needs it.
 * Nothing else reads the environment.
 *
 * @param dataDir    the data root: {@code <data>/graph} (embedded Neo4j), {@code <data>/index} (Lucene)
 * @param store      where the graph lives
 * @param http       bind address, port, public URL, TLS or proxy
 * @param security   API tokens, open access, rate limits
 * @param chatops    Slack, Mattermost and the Alertmanager relay
 * @param rulesDir   the rules directory overriding the built-in pack, or null
 * @param prometheus the Prometheus-compatible servers Taproot may pull from
 * @param telemetry  the trace and log backends (Jaeger, Tempo, Loki, Elasticsearch) asked at analysis time
 * @param tunables   timeouts and size limits
 * @param source     the file this was read from, or null
 * @param runbooksDir the runbooks directory added to the built-in runbooks, or null
 * @param notifications where diagnoses and resolutions of alert groups are sent (Slack, Mattermost, Teams, webhooks)
 * @param actions    approval-gated Kubernetes actions
 * @param compatibilityFile the file declaring version pairs known to break, or null
 */
public record TaprootConfig(Path dataDir, StoreConfig store, HttpConfig http, SecurityConfig security,
                            ChatOpsConfig chatops, Path rulesDir, List<PrometheusSource> prometheus,
                            List<TelemetrySource> telemetry, Tunables tunables, Path source, Path runbooksDir,
                            NotifyConfig notifications, dev.taproot.api.actions.ActionsConfig actions,
                            Path compatibilityFile) {

    public static final int DEFAULT_HTTP_PORT = HttpConfig.DEFAULT_PORT;
    public static final String DEFAULT_HTTP_HOST = HttpConfig.DEFAULT_HOST;

    public TaprootConfig {
        security = security == null ? SecurityConfig.none() : security;
        chatops = chatops == null ? ChatOpsConfig.disabled() : chatops;
        prometheus = prometheus == null ? List.of() : List.copyOf(prometheus);
        telemetry = telemetry == null ? List.of() : List.copyOf(telemetry);
        tunables = tunables == null ? Tunables.defaults() : tunables;
        actions = actions == null ? dev.taproot.api.actions.ActionsConfig.disabled() : actions;
        notifications = notifications == null ? NotifyConfig.disabled() : notifications;
    }

    /** A configuration with only a store and an HTTP address (tests); everything else at its default. */
    public TaprootConfig(Path dataDir, StoreConfig store, String httpHost, int httpPort) {
        this(dataDir, store, HttpConfig.of(httpHost, httpPort), null, null, null, List.of(), List.of(), null, null, null, null, null,
                null);
    }

    /**
     * The configuration of {@code env} alone (no file), with command-line values winning; a mistake
     * throws {@link ConfigException}.
     */
    public static TaprootConfig from(Path dataOption, Integer boltPortOption, Integer httpPortOption,
                                     Map<String, String> env) {
        return ConfigLoader.load(null, env, new CommandLineOverrides(dataOption, boltPortOption, httpPortOption, null))
                .orThrow();
    }

    /** Whether any source is configured that an analysis fetches from (Prometheus, traces or logs). */
    public boolean fetchesLiveEvidence() {
        return !prometheus.isEmpty() || !telemetry.isEmpty();
    }

    public String httpHost() {
        return http.host();
    }

    public int httpPort() {
        return http.port();
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** The same configuration with another rules directory. */
    public TaprootConfig withRulesDir(Path dir) {
        return new TaprootConfig(dataDir, store, http, security, chatops, dir, prometheus, telemetry, tunables, source,
                runbooksDir, notifications, actions, compatibilityFile);
    }

    /** The same configuration with other notification settings. */
    public TaprootConfig withNotifications(NotifyConfig n) {
        return new TaprootConfig(dataDir, store, http, security, chatops, rulesDir, prometheus, telemetry, tunables, source,
                runbooksDir, n, actions, compatibilityFile);
    }

    /** The same configuration with another compatibility file (null: none). */
    public TaprootConfig withCompatibilityFile(Path file) {
        return new TaprootConfig(dataDir, store, http, security, chatops, rulesDir, prometheus, telemetry, tunables, source,
                runbooksDir, notifications, actions, file);
    }
}
