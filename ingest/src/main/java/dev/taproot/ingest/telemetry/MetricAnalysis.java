package dev.taproot.ingest.telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.metrics.MetricClassifier;
import dev.taproot.ingest.metrics.MetricSeries;
import dev.taproot.ingest.metrics.MetricSet;

/**
 * Scores every metric series of the window inputs against its baseline ({@link SeriesScorer}), ties it
 * to an entity ({@link TelemetryEntities}) and writes one anomaly signal per anomalous series. Series of
 * the same identity across several inputs are merged; a node-level metric reported once per pod yields
 * one signal per node and metric (the highest score).
 */
final class MetricAnalysis {

    private final TelemetryConfig config;
    private final TelemetryEntities entities;
    private final SeriesScorer scorer;

    MetricAnalysis(TelemetryConfig config, TelemetryEntities entities) {
        this.config = config;
        this.entities = entities;
        this.scorer = new SeriesScorer(config);
    }

    void analyze(List<MetricSet> window, List<MetricSet> baseline, AnalysisWindow w, GraphWriter out,
                 TelemetryReport.Builder report) {
        Map<String, MetricSeries> current = merge(window);
        Map<String, MetricSeries> before = merge(baseline);
        Map<String, Signal> best = new LinkedHashMap<>();
        for (MetricSeries s : current.values()) {
            MetricSeries b = before.get(s.id());
            Optional<TelemetryEntities.Resolution> owner = entities.resolve(s.labels(), s.metric());
            if (owner.isEmpty()) {
                report.unresolved(s.id());
                continue;
            }
            report.count("series.scored", 1);
            Optional<SeriesScorer.Scored> scored = scorer.score(s.series(), b == null ? null : b.series(), w);
            if (scored.isEmpty()) {
                continue;
            }
            var a = scored.get().anomaly();
            report.count("baseline." + scored.get().baseline(), 1);
            MetricClassifier.Kind kind = config.classifier().classify(s.metric(), a.direction());
            if (!kind.adverse() && !config.emitHarmless()) {
                report.count("anomalies.harmless", 1);
                continue;
            }
            TelemetryEntities.Resolution r = owner.get();
            var extra = new LinkedHashMap<String, Object>();
            extra.put("pod", r.pod());
            extra.put("family", kind.family());
            extra.put("adverse", kind.adverse());
            extra.put("series", s.id());
            Signal signal = AnomalySignals.of(kind.type(), r.entityKey(), s.metric(), a, s.id(), "metrics", extra);
            boolean node = entities.nodeLevel(s.metric());
            String slot = node ? r.entityKey() + "|" + s.metric() : s.id();
            Signal previous = best.get(slot);
            if (previous == null || previous.number("score", 0) < signal.number("score", 0)) {
                best.put(slot, signal);
            }
        }
        best.values().forEach(sig -> {
            out.signal(sig);
            report.signal(sig.type());
        });
    }

    /** Series by identity, samples of the same series from several inputs merged in time order. */
    static Map<String, MetricSeries> merge(List<MetricSet> sets) {
        Map<String, MetricSeries> byId = new LinkedHashMap<>();
        for (MetricSet set : sets) {
            for (MetricSeries s : set.series()) {
                byId.merge(s.id(), s, (a, b) -> a.withSeries(mergeSeries(a.series(), b.series())));
            }
        }
        return byId;
    }

    private static TimeSeries mergeSeries(TimeSeries a, TimeSeries b) {
        var q = new dev.taproot.ingest.anomaly.SampleQuality();
        var builder = new TimeSeries.Builder(q);
        for (int i = 0; i < a.size(); i++) {
            builder.add(a.times()[i], a.values()[i]);
        }
        for (int i = 0; i < b.size(); i++) {
            builder.add(b.times()[i], b.values()[i]);
        }
        return builder.build();
    }
}
