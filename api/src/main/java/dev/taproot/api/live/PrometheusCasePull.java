package dev.taproot.api.live;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.taproot.api.eval.CaseMetrics;
import dev.taproot.api.eval.CaseMetricsPull;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.live.PrometheusRangeSource;
import dev.taproot.ingest.metrics.PrometheusSource;
import dev.taproot.rules.eval.CaseSpec;

/**
 * A replayed case's metrics asked from a Prometheus the way a live diagnosis asks its configured sources
 * ({@link ConfiguredSources}): the case's series ({@link CaseMetrics#selector}) over the window with the
 * lead-in the case recorded, and the case's baseline period as a baseline fetched apart; the whole system
 * is asked (no names), as the file replay reads every recorded series.
 */
public final class PrometheusCasePull implements CaseMetricsPull {

    /** The longest a replay waits for the Prometheus holding the cases. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final URI url;

    public PrometheusCasePull(URI url) {
        this.url = url;
    }

    @Override
    public Pulled pull(CaseSpec spec, GraphStore store, IngestService ingest) {
        CaseMetrics.Ranges ranges;
        try {
            ranges = CaseMetrics.ranges(spec);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (ranges.signals().from() == null) {
            return new Pulled(List.of(), List.of());
        }
        var source = new PrometheusSource("cases", url, PrometheusSource.Auth.NONE, DEADLINE, 0,
                Map.of("case", CaseMetrics.selector(spec)));
        Instant from = ranges.signals().from().isBefore(spec.windowStart()) ? ranges.signals().from() : spec.windowStart();
        LiveBaseline.Range apart = ranges.baseline().from() == null ? null
                : new LiveBaseline.Range(ranges.baseline().from(), ranges.baseline().to());
        try (var live = new ConfiguredSources(List.of(new PrometheusRangeSource(source)), ingest, store, LiveBaseline.DEFAULT,
                DEADLINE)) {
            var fetched = live.gather(List.of(), new AnalysisWindow(spec.windowStart(), spec.windowEnd()), from, apart);
            return new Pulled(fetched.fetched(), fetched.problems());
        }
    }
}
