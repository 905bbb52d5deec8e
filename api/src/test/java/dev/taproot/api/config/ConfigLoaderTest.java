package dev.taproot.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.security.Role;
import dev.taproot.ingest.metrics.PrometheusSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigLoader.Result load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, env, CommandLineOverrides.NONE);
    }

    private Path secretFile(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void everySectionIsReadIntoItsRecord() throws IOException {
        secretFile("neo4j-password", "s3cret\n");
        secretFile("slack-signing", "slack-signing-secret\n");
        secretFile("prom-token", "prom-bearer\n");
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("runbooks"));
        var config = load("""
                store:
                  dataDir: data
                  external:
                    uri: neo4j://db.example:7687
                    user: taproot
                    passwordFile: neo4j-password
                    database: graph
                http:
                  host: 0.0.0.0
                  port: 9090
                  publicUrl: https://taproot.example
                  behindProxy: true
                  trustedProxies: [10.0.0.0/8]
                security:
                  tokens:
                    - {name: grafana, role: read, secret: grafana-secret-0123456789}
                  rateLimit: {perMinute: 60, burst: 5}
                chatops:
                  slack:
                    signingSecretFile: slack-signing
                    webhookUrl: https://hooks.slack.com/services/T/B/X
                  mattermost: {token: mm-token}
                  workers: 2
                  queue: 5
                rules:
                  directory: rules
                runbooks:
                  directory: runbooks
                sources:
                  prometheus:
                    - name: prod
                      url: http://prometheus:9090
                      auth: {bearerTokenFile: prom-token}
                      deadline: 45s
                      maxBytes: 1MiB
                      querySets: [kube-state-metrics]
                      queries: {mine: up}
                tunables:
                  requestTimeout: 2m
                  maxBodyBytes: 1048576
                """, Map.of()).orThrow();

        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.store().isEmbedded()).isFalse();
        assertThat(config.store().uri()).isEqualTo("neo4j://db.example:7687");
        assertThat(config.store().user()).isEqualTo("taproot");
        assertThat(config.store().password()).isEqualTo("s3cret");
        assertThat(config.store().database()).isEqualTo("graph");
        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 9090, "https://taproot.example", null, true,
                java.util.List.of("10.0.0.0/8")));
        assertThat(config.security().tokens().find("grafana-secret-0123456789"))
                .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(Role.READ));
        assertThat(config.security().perMinute()).isEqualTo(60);
        assertThat(config.security().burst()).isEqualTo(5);
        assertThat(config.chatops().slackSigningSecret()).isEqualTo("slack-signing-secret");
        assertThat(config.chatops().mattermostToken()).isEqualTo("mm-token");
        assertThat(config.chatops().explorerUrl()).isEqualTo("https://taproot.example");
        assertThat(config.chatops().workers()).isEqualTo(2);
        assertThat(config.rulesDir()).isEqualTo(dir.resolve("rules"));
        assertThat(config.runbooksDir()).isEqualTo(dir.resolve("runbooks"));
        PrometheusSource prod = config.prometheus().getFirst();
        assertThat(prod.name()).isEqualTo("prod");
        assertThat(prod.auth().header()).isEqualTo("Bearer prom-bearer");
        assertThat(prod.deadline()).isEqualTo(Duration.ofSeconds(45));
        assertThat(prod.maxBytes()).isEqualTo(1 << 20);
        assertThat(prod.queries()).containsEntry("mine", "up").containsKey("kube.container_restarts");
        assertThat(config.tunables()).isEqualTo(new Tunables(Duration.ofMinutes(2), 1_048_576));
        assertThat(config.source()).isEqualTo(dir.resolve("taproot.yaml"));
    }

    @Test
    void anEmptyFileMeansEveryDefault() throws IOException {
        var config = load("", Map.of()).orThrow();
        assertThat(config.store().isEmbedded()).isTrue();
        assertThat(config.store().boltPort()).isEqualTo(dev.taproot.graph.store.StoreConfig.DEFAULT_BOLT_PORT);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.security().acceptsNothing()).isTrue();
        assertThat(config.prometheus()).isEmpty();
        assertThat(config.tunables()).isEqualTo(Tunables.defaults());
    }

    @Test
    void theEnvironmentOverridesTheFileAndTheCommandLineOverridesBoth() throws IOException {
        String yaml = """
                store: {embedded: {pageCacheMb: 64, bolt: {port: 7001}}}
                http: {port: 9000, host: 127.0.0.1}
                tunables: {requestTimeout: 5s}
                """;
        var fileOnly = load(yaml, Map.of()).orThrow();
        assertThat(fileOnly.httpPort()).isEqualTo(9000);
        assertThat(fileOnly.store().boltPort()).isEqualTo(7001);

        var env = Map.of("TAPROOT_HTTP_PORT", "9100", "TAPROOT_PAGE_CACHE_MB", "256", "TAPROOT_REQUEST_TIMEOUT", "20s");
        var withEnv = load(yaml, env).orThrow();
        assertThat(withEnv.httpPort()).isEqualTo(9100);
        assertThat(withEnv.store().pageCacheMb()).isEqualTo(256);
        assertThat(withEnv.store().boltPort()).isEqualTo(7001);
        assertThat(withEnv.tunables().requestTimeout()).isEqualTo(Duration.ofSeconds(20));

        var withCli = ConfigLoader.load(dir.resolve("taproot.yaml"), env,
                new CommandLineOverrides(dir.resolve("elsewhere"), 7002, 9200, null)).orThrow();
        assertThat(withCli.httpPort()).isEqualTo(9200);
        assertThat(withCli.store().boltPort()).isEqualTo(7002);
        assertThat(withCli.dataDir()).isEqualTo(dir.resolve("elsewhere"));
    }

    @Test
    void everyExistingVariableKeepsItsMeaningWithoutAFile() throws IOException {
        Path tokens = secretFile("tokens", "read:grafana:grafana-secret-0123456789\n");
        Files.createDirectories(dir.resolve("rules"));
        var env = Map.ofEntries(Map.entry("TAPROOT_DATA", dir.resolve("d").toString()),
                Map.entry("TAPROOT_BOLT_PORT", "7999"), Map.entry("TAPROOT_PAGE_CACHE_MB", "512"),
                Map.entry("TAPROOT_HTTP_HOST", "127.0.0.2"), Map.entry("TAPROOT_HTTP_PORT", "8111"),
                Map.entry("TAPROOT_PUBLIC_URL", "https://t.example"), Map.entry("TAPROOT_TOKENS_FILE", tokens.toString()),
                Map.entry("TAPROOT_TOKENS", "admin:ops:ops-secret-0123456789abcdef"), Map.entry("TAPROOT_OPEN_ACCESS", "false"),
                Map.entry("TAPROOT_RATE_LIMIT", "30"), Map.entry("TAPROOT_RATE_BURST", "3"),
                Map.entry("TAPROOT_PUBLIC_RATE_LIMIT", "40"), Map.entry("TAPROOT_AUTH_FAILURE_LIMIT", "4"),
                Map.entry("TAPROOT_EXPORT_CONCURRENCY", "5"),
                Map.entry("TAPROOT_SLACK_SIGNING_SECRET", "sig"), Map.entry("TAPROOT_MATTERMOST_TOKEN", "mm"),
                Map.entry("TAPROOT_SLACK_WEBHOOK_URL", "https://hooks.slack.com/x"),
                Map.entry("TAPROOT_SLACK_RESPONSE_URL_PREFIXES", "https://a.example/, https://b.example/"),
                Map.entry("TAPROOT_CHATOPS_WORKERS", "3"), Map.entry("TAPROOT_CHATOPS_QUEUE", "7"),
                Map.entry("TAPROOT_RULES", dir.resolve("rules").toString()));
        var c = ConfigLoader.load(null, env, CommandLineOverrides.NONE).orThrow();
        assertThat(c.dataDir()).isEqualTo(dir.resolve("d"));
        assertThat(c.store().dataDir()).isEqualTo(dir.resolve("d").resolve("graph"));
        assertThat(c.store().boltPort()).isEqualTo(7999);
        assertThat(c.store().pageCacheMb()).isEqualTo(512);
        assertThat(c.http()).isEqualTo(new HttpConfig("127.0.0.2", 8111, "https://t.example", null, false, java.util.List.of()));
        assertThat(c.security().tokens().size()).isEqualTo(2);
        assertThat(c.security().openAccess()).isFalse();
        assertThat(c.security().perMinute()).isEqualTo(30);
        assertThat(c.security().publicPerMinute()).isEqualTo(40);
        assertThat(c.security().failedAuthPerMinute()).isEqualTo(4);
        assertThat(c.tunables().exportConcurrency()).isEqualTo(5);
        assertThat(c.chatops().slackSigningSecret()).isEqualTo("sig");
        assertThat(c.chatops().mattermostToken()).isEqualTo("mm");
        assertThat(c.chatops().slackWebhookUrl()).isEqualTo("https://hooks.slack.com/x");
        assertThat(c.chatops().responseUrlPrefixes()).containsExactly("https://a.example/", "https://b.example/");
        assertThat(c.chatops().explorerUrl()).isEqualTo("https://t.example");
        assertThat(c.chatops().queue()).isEqualTo(7);
        assertThat(c.rulesDir()).isEqualTo(dir.resolve("rules"));

        var external = ConfigLoader.load(null, Map.of("TAPROOT_NEO4J_URI", "neo4j://db:7687", "TAPROOT_NEO4J_USER", "u",
                "TAPROOT_NEO4J_PASSWORD", "p", "TAPROOT_NEO4J_DATABASE", "g"), CommandLineOverrides.NONE).orThrow().store();
        assertThat(external.uri()).isEqualTo("neo4j://db:7687");
        assertThat(external.user()).isEqualTo("u");
        assertThat(external.password()).isEqualTo("p");
        assertThat(external.database()).isEqualTo("g");
    }

    @Test
    void theConfigFileCanBeNamedByTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("named.yaml"), "http: {port: 9123}\n");
        var c = ConfigLoader.load(null, Map.of("TAPROOT_CONFIG", dir.resolve("named.yaml").toString()),
                CommandLineOverrides.NONE).orThrow();
        assertThat(c.httpPort()).isEqualTo(9123);
    }

    @Test
    void anUnknownFieldIsReportedWithItsLineAndTheFieldItProbablyMeant() throws IOException {
        var result = load("""
                http:
                  port: 8080
                  pubilcUrl: https://x.example
                telemetry: {}
                """, Map.of());
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("http.pubilcUrl");
            assertThat(p.message()).contains("unknown field").contains("did you mean 'publicUrl'");
        });
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("telemetry");
        });
    }

    @Test
    void aWrongTypeIsReportedWithItsLineAndField() throws IOException {
        var result = load("""
                store:
                  embedded:
                    pageCacheMb: lots
                http: [8080]
                security:
                  openAccess: maybe
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString).anySatisfy(s -> assertThat(s)
                .endsWith("taproot.yaml:3: store.embedded.pageCacheMb: must be a whole number, was 'lots'"));
        assertThat(result.problems()).extracting(ConfigProblem::toString).anySatisfy(s -> assertThat(s)
                .endsWith("taproot.yaml:4: http: must be a mapping of fields, not a list"));
        assertThat(result.problems()).extracting(ConfigProblem::toString).anySatisfy(s -> assertThat(s)
                .endsWith("taproot.yaml:6: security.openAccess: must be true or false, was 'maybe'"));
    }

    @Test
    void aBadUrlAndABadDurationAreReportedInTheirSource() throws IOException {
        var result = load("""
                sources:
                  prometheus:
                    - name: prod
                      url: prometheus:9090
                      deadline: soon
                      querySets: [cadvisor, graphite]
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).endsWith(
                        "taproot.yaml:4: sources.prometheus[0].url: must be an absolute http(s) URL, was 'prometheus:9090'"))
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:5: sources.prometheus[0].deadline: "
                        + "must be a duration such as 500ms, 30s, 5m or 1h, was 'soon'"))
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:6: sources.prometheus[0].querySets: no query set 'graphite'"));
    }

    @Test
    void kubernetesActionsAreOffByDefaultAndTheirMistakesAreNamed() throws IOException {
        assertThat(load("", Map.of()).orThrow().actions().enabled()).isFalse();
        var result = load("""
                actions:
                  kubernetes:
                    enabled: yes please
                    kubeconfig: /no/such/kubeconfig
                    namespaces: [shop, Bad_NS]
                  approvalTtl: 2d
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:3: actions.kubernetes.enabled: must be true or false, was 'yes please'"))
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:4: actions.kubernetes.kubeconfig: no such file"))
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:5: actions.kubernetes.namespaces: 'Bad_NS' is not a Kubernetes namespace name"))
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:6: actions.approvalTtl"));
        assertThat(load("chatops:\n  slack:\n    admins: [U024BE7LH, bob]\n", Map.of()).problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:3: chatops.slack.admins: 'bob' is not a Slack user id (such as U024BE7LH)"));
        assertThat(load("", Map.of("TAPROOT_SLACK_ADMINS", "U024BE7LH,W0ADMIN2")).orThrow().chatops().slackAdmins())
                .containsExactly("U024BE7LH", "W0ADMIN2");
        var on = load("actions:\n  kubernetes: {enabled: true, namespaces: [shop]}\n  approvalTtl: 30m\n", Map.of()).orThrow().actions();
        assertThat(on.enabled()).isTrue();
        assertThat(on.namespaces()).containsExactly("shop");
        assertThat(on.approvalTtl()).hasMinutes(30);
    }

    @Test
    void aMissingFileIsReportedWhereItIsNamed() throws IOException {
        var result = load("""
                security:
                  tokensFile: /nonexistent/tokens
                chatops:
                  slack:
                    signingSecretFile: missing-secret
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:2: security.tokensFile: no such file: /nonexistent/tokens"))
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:5: chatops.slack.signingSecretFile: no such file"));
        assertThat(ConfigLoader.load(dir.resolve("absent.yaml"), Map.of(), CommandLineOverrides.NONE).problems())
                .extracting(ConfigProblem::toString).containsExactly(dir.resolve("absent.yaml") + ": no such configuration file");
    }

    @Test
    void aBadEnvironmentVariableIsNamed() throws IOException {
        var result = load("http: {port: 8080}\n", Map.of("TAPROOT_HTTP_PORT", "eighty"));
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .containsExactly("environment: TAPROOT_HTTP_PORT: must be a whole number, was 'eighty'");
        assertThatThrownBy(result::orThrow).isInstanceOf(ConfigException.class).hasMessageContaining("TAPROOT_HTTP_PORT");
    }

    @Test
    void aSecretFileOthersCanReadDrawsAWarningButLoads() throws IOException {
        Path token = dir.resolve("mm-token");
        Files.writeString(token, "mattermost-token");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        var result = load("chatops: {mattermost: {tokenFile: mm-token}}\n", Map.of());
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.field()).isEqualTo("chatops.mattermost.tokenFile");
            assertThat(w.message()).contains("chmod 600");
        });
        assertThat(result.config().chatops().mattermostToken()).isEqualTo("mattermost-token");
    }

    @Test
    void secretsAreNeverEchoedInMistakes() throws IOException {
        var result = load("""
                security:
                  tokens:
                    - {name: x, role: superuser, secret: short-secret}
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).contains("security.tokens[0].role: unknown role 'superuser'"))
                .allSatisfy(s -> assertThat(s).doesNotContain("short-secret"));
    }

    @Test
    void openAccessOffLoopbackIsRefusedWhereItIsAsked() throws IOException {
        var result = load("""
                http: {host: 0.0.0.0, behindProxy: true}
                security:
                  openAccess: true
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:3: security.openAccess: open access is allowed on a loopback address only"));
    }

    @Test
    void plainHttpOnAPublicAddressDrawsAWarning() throws IOException {
        var result = load("http: {host: 0.0.0.0}\nsecurity: {tokens: [{name: a, role: read, secret: aaaaaaaaaaaaaaaaaaaa}]}\n", Map.of());
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warnings()).extracting(ConfigProblem::field).containsExactly("http.host");
    }

    @Test
    void aliasesAnchorsTagsAndDuplicateKeysAreRefused() throws IOException {
        var result = load("""
                http: &h {port: 8080}
                tunables: !!java.net.URL ["http://x"]
                sources: *h
                rules: {}
                rules: {}
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("anchors"))
                .anySatisfy(m -> assertThat(m).contains("tags"))
                .anySatisfy(m -> assertThat(m).contains("aliases"))
                .anySatisfy(m -> assertThat(m).contains("given twice (first on line 4)"));
    }

    @Test
    void aBillionLaughsDocumentIsRefusedWithoutExpanding() throws IOException {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }
        var result = load(yaml.toString(), Map.of());
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems()).extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m).contains("aliases"));
    }

    @Test
    void everyMistakeIsReportedInOneRun() throws IOException {
        var result = load("""
                http: {port: 70000, host: 127.0.0.1}
                tunables: {requestTimeout: -3s, maxBodyBytes: huge}
                sources: {prometheus: [{url: "http://p:9090"}]}
                """, Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::field)
                .contains("http.port", "tunables.requestTimeout", "tunables.maxBodyBytes", "sources.prometheus[0].name");
        assertThat(result.config()).isNull();
    }

    @Test
    void valuesTooLargeForTheirTypeAreMistakesNotCrashes() throws IOException {
        var result = load("tunables: {requestTimeout: 99999999999999d, maxBodyBytes: 999999999999GiB}\n", Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::field)
                .containsExactlyInAnyOrder("tunables.requestTimeout", "tunables.maxBodyBytes");
    }

    @Test
    void aKeystoreThatTheConfiguredPasswordCannotOpenIsReported() throws Exception {
        var keystore = java.security.KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        try (var out = Files.newOutputStream(dir.resolve("taproot.p12"))) {
            keystore.store(out, "the-right-password".toCharArray());
        }
        Files.setPosixFilePermissions(dir.resolve("taproot.p12"), PosixFilePermissions.fromString("rw-------"));
        var wrong = load("""
                http:
                  tls:
                    keystore: taproot.p12
                    password: not-the-password
                """, Map.of());
        assertThat(wrong.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:3: http.tls.keystore: cannot open"))
                .allSatisfy(s -> assertThat(s).doesNotContain("not-the-password"));
        var right = load("http: {tls: {keystore: taproot.p12, password: the-right-password}}\n", Map.of()).orThrow();
        assertThat(right.http().scheme()).isEqualTo("https");
        assertThat(right.http().tls().keystore()).isEqualTo(dir.resolve("taproot.p12"));
    }

    @Test
    void theExampleFileAtTheRepositoryRootIsValid() {
        Path example = Path.of("..", "taproot.example.yaml");
        var result = ConfigLoader.load(example, Map.of(), CommandLineOverrides.NONE);
        assertThat(result.problems()).isEmpty();
        var config = result.config();
        assertThat(config.prometheus()).singleElement().satisfies(p -> assertThat(p.queries())
                .containsKey("checkout_errors").containsKey("istio.calls_per_second").containsKey("node.cpu_busy_ratio"));
        assertThat(config.security().tokens().size()).isEqualTo(2);
    }
}
