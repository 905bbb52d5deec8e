package dev.taproot.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.live.LiveEndpoint;
import dev.taproot.ingest.live.LiveSourceException;
import dev.taproot.ingest.live.LiveTelemetry;
import dev.taproot.ingest.live.PrometheusRangeSource;
import dev.taproot.ingest.live.RealPrometheus;
import dev.taproot.ingest.live.TelemetrySource;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * {@code tunables.liveBaseline} against Debian's real Prometheus, backfilled with a service whose error
 * level rises every day at the same hour: compared with the hour before, the window looks like a fault;
 * compared with the same window a day earlier, it is the daily rhythm. The ranges asked are the window
 * (with its lead-in) and the window moved back by the offset.
 */
class LiveBaselineTest {

    static final Instant WINDOW_START = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-11-20T10:30:00Z");
    static final Duration DAY = Duration.ofDays(1);

    @TempDir
    static Path dir;
    static RealPrometheus prometheus;
    static Taproot taproot;

    @BeforeAll
    static void backfillAndStart() throws Exception {
        Map<String, String> labels = Map.of("namespace", "shop", "service", "payments");
        var samples = new RealPrometheus.Samples()
                // the daily peak, yesterday: 09:00 to 11:00 at the window's level
                .fill("app_request_errors", labels, WINDOW_START.minus(DAY).minusSeconds(3600), WINDOW_END.minus(DAY)
                        .plusSeconds(1800), Duration.ofSeconds(15), t -> level(50, t))
                // today: quiet until the window, then the same peak
                .fill("app_request_errors", labels, WINDOW_START.minusSeconds(3600), WINDOW_START, Duration.ofSeconds(15),
                        t -> level(5, t))
                .fill("app_request_errors", labels, WINDOW_START, WINDOW_END, Duration.ofSeconds(15), t -> level(50, t));
        prometheus = RealPrometheus.serving(samples, dir);
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, "store: {dataDir: data}\nhttp: {port: 0}\n");
        var store = TestStores.emptyEmbedded();
        store.write(new GraphBatch(List.of(Entity.of(EntityKeys.service("payments"), EntityTypes.SERVICE, "payments")),
                List.of(), List.of(), List.of()));
        taproot = Taproot.over(ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE).orThrow(), store);
    }

    /** A level with a little deterministic wobble, so the spread is never zero. */
    static double level(double base, long epochSecond) {
        return base * (1 + 0.04 * Math.sin(epochSecond / 97.0) + 0.02 * Math.cos(epochSecond / 31.0));
    }

    @AfterAll
    static void stop() throws Exception {
        if (taproot != null) {
            taproot.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /** The configured Prometheus source, remembering the ranges it was asked for. */
    static class Recording implements TelemetrySource {
        final TelemetrySource inner;
        final List<String> ranges = new CopyOnWriteArrayList<>();

        Recording(TelemetrySource inner) {
            this.inner = inner;
        }

        @Override
        public LiveEndpoint endpoint() {
            return inner.endpoint();
        }

        @Override
        public LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException {
            ranges.add(from + ".." + to);
            return inner.fetch(services, from, to);
        }
    }

    private static Recording source() {
        return new Recording(new PrometheusRangeSource(new PrometheusSource("prod", prometheus.url(), null, null, 0,
                Map.of("errors", "sum by (namespace, service) (app_request_errors)"))));
    }

    @Test
    void theSameWindowADayEarlierIsFetchedApartAndExplainsADailyPeak() {
        var source = source();
        try (var live = new ConfiguredSources(List.of(source), taproot.ingest(), taproot.store(), LiveBaseline.parse("day"),
                Duration.ofSeconds(20))) {
            var fetched = live.gather(List.of("payments"), WINDOW_START, WINDOW_END);

            assertThat(fetched.problems()).isEmpty();
            assertThat(source.ranges).containsExactlyInAnyOrder(
                    WINDOW_START.minus(Duration.ofMinutes(30)) + ".." + WINDOW_END,
                    WINDOW_START.minus(DAY) + ".." + WINDOW_END.minus(DAY));
            assertThat(fetched.fetched()).singleElement().asString()
                    .isEqualTo("prometheus 'prod': 1 query, 1 of 1 series about the services; baseline day: 1 query, "
                            + "1 of 1 series about the services, 0 signals");
        }
    }

    @Test
    void onlyConfiguredSourcesMakeADiagnosisLookUpTheNamesToAskAbout() {
        try (var none = new ConfiguredSources(List.of(), taproot.ingest(), taproot.store(), LiveBaseline.parse("1h"),
                Duration.ofSeconds(20));
             var one = new ConfiguredSources(List.of(source()), taproot.ingest(), taproot.store(), LiveBaseline.parse("1h"),
                     Duration.ofSeconds(20))) {
            assertThat(none.configured()).isFalse();
            assertThat(one.configured()).isTrue();
            assertThat(dev.taproot.api.diagnosis.LiveEvidence.NONE.configured()).isFalse();
        }
    }

    @Test
    void theHourBeforeIsFetchedWithTheWindowAndMakesTheSamePeakAFault() {
        var source = source();
        try (var live = new ConfiguredSources(List.of(source), taproot.ingest(), taproot.store(), LiveBaseline.parse("1h"),
                Duration.ofSeconds(20))) {
            var fetched = live.gather(List.of("payments"), WINDOW_START, WINDOW_END);

            assertThat(fetched.problems()).isEmpty();
            assertThat(source.ranges).containsExactly(WINDOW_START.minusSeconds(3600) + ".." + WINDOW_END);
            assertThat(fetched.fetched()).singleElement().asString()
                    .startsWith("prometheus 'prod': 1 query, 1 of 1 series about the services, 1 signal");
        }
    }

    @Test
    void aBaselineThatFailsIsAProblemLineNamingItsRangeAndTheWindowIsStillStored() {
        var failing = new Recording(source()) {
            @Override
            public LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException {
                if (to.isBefore(WINDOW_START)) {
                    throw new LiveSourceException(endpoint().label() + ": query 'errors' answered HTTP 503", true, null);
                }
                return super.fetch(services, from, to);
            }
        };
        try (var live = new ConfiguredSources(List.of(failing), taproot.ingest(), taproot.store(), LiveBaseline.parse("week"),
                Duration.ofSeconds(20))) {
            var fetched = live.gather(List.of("payments"), WINDOW_START, WINDOW_END);

            assertThat(fetched.problems()).containsExactly("prometheus 'prod': baseline " + WINDOW_START.minus(Duration.ofDays(7))
                    + ".." + WINDOW_END.minus(Duration.ofDays(7)) + ": query 'errors' answered HTTP 503");
            assertThat(fetched.fetched()).singleElement().asString().startsWith("prometheus 'prod': 1 query, 1 of 1 series");
        }
    }
}
