package dev.taproot.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.taproot.api.config.YamlTree.Mapping;
import dev.taproot.graph.store.StoreConfig;

/**
 * Reads Taproot's configuration once: {@code taproot.yaml} (given with {@code --config} or
 * {@code TAPROOT_CONFIG}), then the {@code TAPROOT_*} environment variables over it, then the
 * command-line options over both. Every mistake is collected with its line and field; a load with
 * mistakes yields none of the configuration. This class is the only place that reads the
 * process environment (an architecture test holds the rest of the code to that).
 */
public final class ConfigLoader {

    /** The variable naming the configuration file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "TAPROOT_CONFIG";

    /** The top-level sections of the file. */
    static final String[] SECTIONS = {"store", "http", "security", "chatops", "rules", "runbooks", "sources", "notifications", "tunables", "actions",
        "compatibility"};

    /** The outcome of a load: the configuration (null when there were mistakes) and every problem found. */
    public record Result(TaprootConfig config, List<ConfigProblem> problems) {

        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> !p.warning());
        }

        public List<ConfigProblem> warnings() {
            return problems.stream().filter(ConfigProblem::warning).toList();
        }

        /** The configuration; throws {@link ConfigException} listing every mistake when there were any. */
        public TaprootConfig orThrow() {
            if (hasErrors()) {
                throw new ConfigException(problems);
            }
            return config;
        }
    }

    private ConfigLoader() {
    }

    /**
     * The configuration of this process: {@code file} (else {@code $TAPROOT_CONFIG}, else none), the
     * process environment and the command line. The single read of {@link System#getenv()}.
     */
    public static Result fromProcess(Path file, CommandLineOverrides overrides) {
        return load(file, Map.copyOf(System.getenv()), overrides);
    }

    /** The configuration of {@code file} (may be null: then {@code env[TAPROOT_CONFIG]}, else none) under {@code env}. */
    public static Result load(Path file, Map<String, String> env, CommandLineOverrides overrides) {
        Path path = file;
        String fromEnv = env.get(CONFIG_ENV);
        if (path == null && fromEnv != null && !fromEnv.isBlank()) {
            path = Path.of(fromEnv.strip());
        }
        var problems = new ConfigProblems(path == null ? ConfigProblems.ENVIRONMENT : path.toString());
        Mapping root = Mapping.empty(0);
        Path baseDir = Path.of("").toAbsolutePath();
        if (path != null) {
            baseDir = path.toAbsolutePath().normalize().getParent();
            root = readFile(path, problems);
        }
        var section = new ConfigSection(root, "", problems, env, baseDir);
        TaprootConfig config = read(section, env, overrides == null ? CommandLineOverrides.NONE : overrides, path);
        return new Result(problems.hasErrors() ? null : config, problems.all());
    }

    private static Mapping readFile(Path path, ConfigProblems problems) {
        if (!Files.isRegularFile(path)) {
            problems.error(0, "", "no such configuration file");
            return Mapping.empty(1);
        }
        try {
            if (Files.size(path) > YamlTree.MAX_CHARS * 4L) {
                problems.error(1, "", "the file is larger than " + YamlTree.MAX_CHARS + " characters");
                return Mapping.empty(1);
            }
            return YamlTree.parse(Files.readString(path, StandardCharsets.UTF_8), problems);
        } catch (IOException e) {
            problems.error(0, "", "cannot read: " + e.getMessage());
            return Mapping.empty(1);
        }
    }

    private static TaprootConfig read(ConfigSection root, Map<String, String> env, CommandLineOverrides cli, Path source) {
        root.allow(SECTIONS);
        ConfigSection store = root.section("store");
        Path dataDir = cli.dataDir() != null ? cli.dataDir()
                : store.path("dataDir", "TAPROOT_DATA", Path.of("data"));
        dataDir = dataDir.toAbsolutePath().normalize();
        StoreConfig storeConfig = readStore(store, env, cli, dataDir);
        HttpConfig http = HttpSection.read(root.section("http"), cli);
        var security = SecuritySection.read(root.section("security"), http, root);
        var chatops = ChatOpsSection.read(root.section("chatops"), http);
        Path rulesDir = readRules(root.section("rules"), cli);
        ConfigSection sources = root.section("sources");
        sources.allow("prometheus", "jaeger", "tempo", "loki", "elasticsearch");
        var prometheus = PrometheusSection.read(sources);
        var telemetry = TelemetrySourcesSection.read(sources);
        var notifications = NotificationsSection.read(root.section("notifications"));
        Tunables tunables = readTunables(root.section("tunables"));
        if (storeConfig == null || http == null || security == null || chatops == null) {
            return null;
        }
        Path runbooksDir = readRunbooks(root.section("runbooks"));
        var actions = ActionsSection.read(root.section("actions"));
        Path compatibilityFile = readCompatibility(root.section("compatibility"));
        return new TaprootConfig(dataDir, storeConfig, http, security, chatops, rulesDir, prometheus, telemetry, tunables,
                source, runbooksDir, notifications, actions, compatibilityFile);
    }

    private static StoreConfig readStore(ConfigSection store, Map<String, String> env, CommandLineOverrides cli,
                                         Path dataDir) {
        store.allow("dataDir", "embedded", "external");
        ConfigSection embedded = store.section("embedded");
        embedded.allow("pageCacheMb", "bolt");
        ConfigSection bolt = embedded.section("bolt");
        bolt.allow("port");
        ConfigSection external = store.section("external");
        external.allow("uri", "user", "password", "passwordFile", "database");
        if (store.has("embedded") && store.has("external")) {
            store.error("external", "give either store.embedded or store.external, not both");
        }
        // the store's own factory builds it from these variables, so a value from the file is handed over under its variable's name
        var storeEnv = new HashMap<>(env);
        String uri = external.value("uri", "TAPROOT_NEO4J_URI", ConfigValues.neo4jUri(), null);
        if (uri != null) {
            storeEnv.put("TAPROOT_NEO4J_URI", uri);
            storeEnv.put("TAPROOT_NEO4J_USER", external.value("user", "TAPROOT_NEO4J_USER", ConfigValues.text(), "neo4j"));
            String password = external.secret("password", "passwordFile", "TAPROOT_NEO4J_PASSWORD");
            storeEnv.put("TAPROOT_NEO4J_PASSWORD", password == null ? "" : password);
            String database = external.value("database", "TAPROOT_NEO4J_DATABASE", ConfigValues.text(), null);
            if (database != null) {
                storeEnv.put("TAPROOT_NEO4J_DATABASE", database);
            }
        } else if (store.has("external")) {
            external.error("uri", "required for an external store (a Neo4j URI such as neo4j://host:7687)");
        } else {
            storeEnv.remove("TAPROOT_NEO4J_URI");
            int port = bolt.value("port", "TAPROOT_BOLT_PORT", ConfigValues.integer(0, 65535), StoreConfig.DEFAULT_BOLT_PORT);
            storeEnv.put("TAPROOT_BOLT_PORT", String.valueOf(cli.boltPort() != null ? cli.boltPort() : port));
            storeEnv.put("TAPROOT_PAGE_CACHE_MB", String.valueOf(embedded.value("pageCacheMb", "TAPROOT_PAGE_CACHE_MB",
                    ConfigValues.integer(8, 1 << 20), StoreConfig.DEFAULT_PAGE_CACHE_MB)));
        }
        try {
            return StoreConfig.fromEnvironment(storeEnv, dataDir);
        } catch (IllegalArgumentException e) {
            store.error("", e.getMessage());
            return null;
        }
    }

    private static Path readRules(ConfigSection rules, CommandLineOverrides cli) {
        rules.allow("directory");
        Path dir = cli.rulesDir() != null ? cli.rulesDir() : rules.path("directory", "TAPROOT_RULES", null);
        if (dir != null && !Files.isDirectory(dir)) {
            rules.error("directory", "no such directory: " + dir);
        }
        return dir;
    }

    private static Path readRunbooks(ConfigSection runbooks) {
        runbooks.allow("directory");
        Path dir = runbooks.path("directory", "TAPROOT_RUNBOOKS", null);
        if (dir != null && !Files.isDirectory(dir)) {
            runbooks.error("directory", "no such directory: " + dir);
        }
        return dir;
    }

    /** The compatibility file, read here so that a mistake in it is a configuration mistake with its line and field. */
    private static Path readCompatibility(ConfigSection compatibility) {
        compatibility.allow("file");
        Path file = compatibility.path("file", "TAPROOT_COMPATIBILITY", null);
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            compatibility.error("file", "no such file: " + file);
            return file;
        }
        try {
            dev.taproot.api.drift.Compatibility.load(file);
        } catch (IllegalArgumentException e) {
            compatibility.error("file", e.getMessage());
        }
        return file;
    }

    private static Tunables readTunables(ConfigSection tunables) {
        tunables.allow("requestTimeout", "maxBodyBytes", "exportConcurrency", "liveBaseline", "liveDeadline");
        return new Tunables(
                tunables.value("requestTimeout", "TAPROOT_REQUEST_TIMEOUT",
                        ConfigValues.duration(java.time.Duration.ofMinutes(10)), Tunables.DEFAULT_REQUEST_TIMEOUT),
                tunables.value("maxBodyBytes", "TAPROOT_MAX_BODY_BYTES", ConfigValues.bytes(), Tunables.DEFAULT_MAX_BODY_BYTES),
                tunables.value("exportConcurrency", "TAPROOT_EXPORT_CONCURRENCY", ConfigValues.integer(1, 64),
                        dev.taproot.api.web.ExportGate.DEFAULT_CONCURRENT),
                tunables.value("liveBaseline", "TAPROOT_LIVE_BASELINE", dev.taproot.api.live.LiveBaseline::parse,
                        dev.taproot.api.live.LiveBaseline.DEFAULT),
                tunables.value("liveDeadline", "TAPROOT_LIVE_DEADLINE", ConfigValues.duration(java.time.Duration.ofMinutes(2)),
                        dev.taproot.api.live.ConfiguredSources.DEFAULT_DEADLINE));
    }
}
