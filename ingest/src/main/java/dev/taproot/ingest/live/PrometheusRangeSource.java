package dev.taproot.ingest.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.metrics.MetricSeries;
import dev.taproot.ingest.metrics.MetricSet;
import dev.taproot.ingest.metrics.PrometheusMatrixParser;
import dev.taproot.ingest.metrics.PrometheusPull;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * A configured Prometheus source as a {@link TelemetrySource}: runs the source's queries through
 * {@link PrometheusPull} (the source's deadline and byte cap) over the range asked, and keeps the series whose labels
 * name one of the services (a label value equal to a service name, or a pod name {@code <service>-...});
 * the queries are the operator's PromQL, so they are not rewritten. A plain series selector is answered with
 * its stored samples at their scrape times (a range vector), so the detectors see what was scraped, exactly as
 * in a recorded file; any other expression is evaluated by {@code query_range} at a step that keeps each series
 * under {@link #MAX_POINTS} points.
 */
public final class PrometheusRangeSource implements TelemetrySource {

    /** Points per series aimed at: enough to score, far below Prometheus's 11,000. */
    public static final long MAX_POINTS = 1_000;
    /** The finest step asked. */
    public static final Duration MIN_STEP = Duration.ofSeconds(15);

    private final PrometheusSource source;
    private final LiveEndpoint endpoint;
    private final PrometheusMatrixParser parser = new PrometheusMatrixParser();

    public PrometheusRangeSource(PrometheusSource source) {
        this.source = source;
        this.endpoint = new LiveEndpoint("prometheus", source.name(), source.url(), source.auth(),
                source.deadline().compareTo(LiveEndpoint.MAX_DEADLINE) > 0 ? LiveEndpoint.MAX_DEADLINE : source.deadline(),
                source.maxBytes());
    }

    @Override
    public LiveEndpoint endpoint() {
        return endpoint;
    }

    /** The step for a range: at least {@link #MIN_STEP}, at most {@link #MAX_POINTS} points. */
    static Duration step(Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds() / MAX_POINTS);
        return seconds < MIN_STEP.toSeconds() ? MIN_STEP : Duration.ofSeconds(seconds);
    }

    @Override
    public LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException {
        if (source.queries().isEmpty()) {
            return new LiveTelemetry(List.of(), List.of(), List.of(), "no queries configured", List.of());
        }
        var selectors = new java.util.LinkedHashMap<String, String>();
        var expressions = new java.util.LinkedHashMap<String, String>();
        source.queries().forEach((name, q) -> (PrometheusPull.isSelector(q) ? selectors : expressions).put(name, q));
        var answers = new ArrayList<IngestInput>();
        try {
            var pull = new PrometheusPull(source);
            if (!selectors.isEmpty()) {
                answers.addAll(pull.pullRaw(selectors, from, to));
            }
            if (!expressions.isEmpty()) {
                answers.addAll(pull.pull(expressions, from, to, step(from, to)));
            }
        } catch (MalformedInputException e) {
            throw new LiveSourceException("prometheus '" + source.name() + "': " + e.getMessage(), true, e);
        }
        var sets = new ArrayList<MetricSet>();
        var notes = new ArrayList<String>();
        int all = 0;
        int kept = 0;
        for (IngestInput answer : answers) {
            try {
                MetricSet set = parser.parse(answer);
                List<MetricSeries> mine = set.series().stream().filter(s -> names(s, services)).toList();
                all += set.series().size();
                kept += mine.size();
                sets.add(new MetricSet(set.source(), mine, set.quality(), set.rejected()));
            } catch (MalformedInputException e) {
                notes.add(endpoint.label() + ": " + e.getMessage());
            }
        }
        return new LiveTelemetry(sets, List.of(), List.of(), answers.size() + (answers.size() == 1 ? " query, " : " queries, ") + kept + " of " + all
                + " series about the services", notes);
    }

    /** Whether a series' labels name one of the services (any service when none is given). */
    static boolean names(MetricSeries series, List<String> services) {
        if (services.isEmpty()) {
            return true;
        }
        for (String value : series.labels().values()) {
            String v = value.toLowerCase(Locale.ROOT);
            for (String service : services) {
                String s = service.toLowerCase(Locale.ROOT);
                if (v.equals(s) || v.startsWith(s + "-")) {
                    return true;
                }
            }
        }
        return false;
    }
}
