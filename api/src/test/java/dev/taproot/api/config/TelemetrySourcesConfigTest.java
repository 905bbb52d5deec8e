package dev.taproot.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.live.LiveBaseline;
import dev.taproot.ingest.live.ElasticsearchSource;
import dev.taproot.ingest.live.JaegerSource;
import dev.taproot.ingest.live.LiveEndpoint;
import dev.taproot.ingest.live.LokiSource;
import dev.taproot.ingest.live.TempoSource;

/** {@code sources.jaeger}, {@code sources.tempo}, {@code sources.loki}, {@code sources.elasticsearch} in taproot.yaml. */
class TelemetrySourcesConfigTest {

    @TempDir
    Path dir;

    private ConfigLoader.Result load(String yaml) throws IOException {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE);
    }

    @Test
    void everyKindIsReadWithItsEndpointAndOptions() throws IOException {
        Path token = dir.resolve("loki-token");
        Files.writeString(token, "loki-secret\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        var config = load("""
                sources:
                  jaeger:
                    - name: prod
                      url: http://jaeger-query.tracing:16686
                      deadline: 10s
                      limit: 40
                  tempo:
                    - {name: grafana, url: "http://tempo:3200", auth: {username: reader, password: pw}}
                  loki:
                    - name: logs
                      url: http://loki:3100
                      auth: {bearerTokenFile: loki-token}
                      serviceLabel: app
                      lineFilter: "(?i)error"
                      maxBytes: 4MiB
                  elasticsearch:
                    - name: elk
                      url: https://es.example:9200
                      index: filebeat-*
                      serviceField: kubernetes.labels.app
                      errorLevels: [error, fatal]
                      size: 500
                """).orThrow();

        assertThat(config.telemetry()).hasSize(4);
        assertThat(config.fetchesLiveEvidence()).isTrue();
        assertThat(config.telemetry().get(0)).isInstanceOf(JaegerSource.class);
        LiveEndpoint jaeger = config.telemetry().get(0).endpoint();
        assertThat(jaeger.label()).isEqualTo("jaeger 'prod'");
        assertThat(jaeger.deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(jaeger.maxBytes()).isEqualTo(LiveEndpoint.DEFAULT_MAX_BYTES);
        assertThat(config.telemetry().get(1)).isInstanceOf(TempoSource.class);
        assertThat(config.telemetry().get(1).endpoint().auth().header()).startsWith("Basic ");
        var loki = (LokiSource) config.telemetry().get(2);
        assertThat(loki.endpoint().auth().header()).isEqualTo("Bearer loki-secret");
        assertThat(loki.endpoint().maxBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(loki.query(java.util.List.of("orders"))).isEqualTo("{app=~\"orders\"} |~ \"(?i)error\"");
        var elastic = (ElasticsearchSource) config.telemetry().get(3);
        assertThat(elastic.query(java.util.List.of("orders"), java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(60)))
                .contains("\"size\":500", "\"kubernetes.labels.app\":[\"orders\"]", "\"log.level\":[\"error\",\"fatal\"]");
        assertThat(ConfigSummary.lines(config)).anySatisfy(l -> assertThat(l)
                .startsWith("sources:  loki 'logs' http://loki:3100, auth bearer ***"));
    }

    @Test
    void mistakesAreReportedWithTheirLineAndField() throws IOException {
        var result = load("""
                sources:
                  jaeger:
                    - name: Prod
                      url: jaeger:16686
                      limit: many
                  tempo:
                    - url: http://tempo:3200
                      deadlin: 5s
                  loki:
                    - name: logs
                      url: http://loki:3100
                      serviceLabel: service-name
                    - name: logs
                      url: http://loki-2:3100
                      deadline: 2h
                  elasticsearch:
                    - name: elk
                      url: http://es:9200
                      index: "logs/x"
                      size: 20000
                """);
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:3: sources.jaeger[0].name: must be lower-case letters, "
                        + "digits, '-' or '_' (at most 63), was 'Prod'"))
                .anySatisfy(s -> assertThat(s).endsWith(
                        "taproot.yaml:4: sources.jaeger[0].url: must be an absolute http(s) URL, was 'jaeger:16686'"))
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:5: sources.jaeger[0].limit: must be a whole number, was 'many'"))
                .anySatisfy(s -> assertThat(s).contains("sources.tempo[0].name: required"))
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:8: sources.tempo[0].deadlin: unknown field; did you mean 'deadline'?"))
                .anySatisfy(s -> assertThat(s).endsWith(
                        "taproot.yaml:12: sources.loki[0].serviceLabel: serviceLabel 'service-name' is not a Loki label name"))
                .anySatisfy(s -> assertThat(s).endsWith(
                        "taproot.yaml:13: sources.loki[1].name: another loki source is already named 'logs'"))
                .anySatisfy(s -> assertThat(s).contains("taproot.yaml:15: sources.loki[1].deadline: must be more than 0 and at most"))
                .anySatisfy(s -> assertThat(s).endsWith("taproot.yaml:20: sources.elasticsearch[0].size: must be between 1 and 10000, was 20000"));
    }

    @Test
    void anIndexWithAPathSeparatorIsRefusedAtItsField() throws IOException {
        var result = load("""
                sources:
                  elasticsearch:
                    - {name: elk, url: "http://es:9200", index: "logs/x"}
                """);
        assertThat(result.problems()).extracting(ConfigProblem::toString).anySatisfy(s -> assertThat(s)
                .endsWith("taproot.yaml:3: sources.elasticsearch[0].index: index 'logs/x' may not hold '/', '?', '#' or spaces"));
    }

    @Test
    void theLiveBaselineAndDeadlineAreTunables() throws IOException {
        var config = load("tunables: {liveBaseline: 24h, liveDeadline: 5s}\n").orThrow();
        assertThat(config.tunables().liveBaseline()).isEqualTo(LiveBaseline.preceding(Duration.ofHours(24)));
        assertThat(config.tunables().liveDeadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(load("").orThrow().tunables().liveDeadline()).isEqualTo(Duration.ofSeconds(20));

        var late = ConfigLoader.load(null, Map.of("TAPROOT_LIVE_DEADLINE", "1h"), CommandLineOverrides.NONE);
        assertThat(late.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).contains("TAPROOT_LIVE_DEADLINE").contains("at most 2m"));
    }

    @Test
    void theBaselineIsThePrecedingPeriodOrTheSameWindowADayOrAWeekOrAnyDurationEarlier() throws IOException {
        assertThat(load("").orThrow().tunables().liveBaseline()).isEqualTo(LiveBaseline.preceding(Duration.ofHours(1)));
        assertThat(load("tunables: {liveBaseline: day}\n").orThrow().tunables().liveBaseline())
                .isEqualTo(LiveBaseline.earlier(Duration.ofDays(1)));
        assertThat(load("tunables: {liveBaseline: week}\n").orThrow().tunables().liveBaseline())
                .isEqualTo(LiveBaseline.earlier(Duration.ofDays(7)));
        assertThat(load("tunables: {liveBaseline: 3d earlier}\n").orThrow().tunables().liveBaseline())
                .isEqualTo(LiveBaseline.earlier(Duration.ofDays(3)));
        assertThat(load("tunables: {liveBaseline: PT30M}\n").orThrow().tunables().liveBaseline())
                .isEqualTo(LiveBaseline.preceding(Duration.ofMinutes(30)));
        var fromEnvironment = ConfigLoader.load(null, Map.of("TAPROOT_LIVE_BASELINE", "week"), CommandLineOverrides.NONE)
                .orThrow();
        assertThat(fromEnvironment.tunables().liveBaseline()).isEqualTo(LiveBaseline.earlier(Duration.ofDays(7)));
        assertThat(ConfigSummary.lines(load("tunables: {liveBaseline: day}\nsources: {jaeger: [{name: j, url: 'http://j:16686'}]}\n")
                .orThrow())).contains("sources:  each window compared with the same window a day earlier (tunables.liveBaseline), within 20s");
    }

    @Test
    void aBaselineMistakeIsReportedWithItsLineAndField() throws IOException {
        var result = load("""
                tunables:
                  requestTimeout: 10s
                  liveBaseline: yesterday
                """);
        assertThat(result.problems()).extracting(ConfigProblem::toString).singleElement().asString()
                .endsWith("taproot.yaml:3: tunables.liveBaseline: must be a duration such as 1h (that long before the window), "
                        + "day or week (the same window a day or a week earlier) or a duration followed by 'earlier' such as "
                        + "'3d earlier', was 'yesterday'");
        assertThat(load("tunables: {liveBaseline: 9d}\n").problems()).extracting(ConfigProblem::toString).singleElement()
                .asString().endsWith("taproot.yaml:1: tunables.liveBaseline: must be at most 8d before the window, was 9d");
        assertThat(load("tunables: {liveBaseline: 40d earlier}\n").problems()).extracting(ConfigProblem::toString)
                .singleElement().asString().endsWith("tunables.liveBaseline: must be at most 35d earlier, was 40d");
        var env = ConfigLoader.load(null, Map.of("TAPROOT_LIVE_BASELINE", "0h"), CommandLineOverrides.NONE);
        assertThat(env.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(s -> assertThat(s).contains("TAPROOT_LIVE_BASELINE").contains("was '0h'"));
    }

    @Test
    void anEarlierBaselineIsTheWindowMovedBackNeverOverlappingIt() {
        var start = java.time.Instant.parse("2026-12-04T10:00:00Z");
        var end = start.plus(Duration.ofMinutes(30));
        assertThat(LiveBaseline.parse("day").rangeFor(start, end))
                .isEqualTo(new LiveBaseline.Range(start.minus(Duration.ofDays(1)), end.minus(Duration.ofDays(1))));
        assertThat(LiveBaseline.parse("1h").rangeFor(start, end)).isEqualTo(new LiveBaseline.Range(start.minusSeconds(3600), start));
        assertThat(LiveBaseline.parse("10m earlier").rangeFor(start, end))
                .isEqualTo(new LiveBaseline.Range(start.minusSeconds(600), start));
        assertThat(LiveBaseline.parse(" 3D  Earlier ")).hasToString("3d earlier");
    }
}
