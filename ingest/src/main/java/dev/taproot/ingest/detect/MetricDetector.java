package dev.taproot.ingest.detect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.anomaly.Anomaly;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.metrics.MetricClassifier;
import dev.taproot.ingest.metrics.MetricSeries;
import dev.taproot.ingest.metrics.MetricSet;

/**
 * Scores every metric series of the window inputs against its baseline ({@link SeriesScorer}), ties it
 * to an entity ({@link TelemetryEntities}) and writes one anomaly signal per anomalous series. Series of
 * the same identity across several inputs are merged; a node-level metric reported once per pod yields
 * one signal per node and metric (the highest score), marked {@code explainedBy} a guest when the guest's own
 * series of the same kind moved the same way (the guest's load seen from the node: a consequence there, not a
 * fault of the node). With {@link TelemetryConfig#peerDampening()}, a score
 * is multiplied by the share of the metric's other series that are <i>not</i> anomalous: a metric that
 * leaves its baseline everywhere at once points at load or a shared cause, not at one service
 * (attributes {@code rawScore} and {@code peerShare} keep the undamped figures). A server-side latency rise keeps only
 * the part that its wait on callees does not explain ({@link CalleeWait}); a client-side latency signal (the wait
 * itself) carries {@code side=client}: it speaks about the callees.
 */
public final class MetricDetector implements SignalDetector {

    /** Peer dampening needs at least this many series of a metric to judge what is common. */
    static final int MIN_PEERS = 4;
    /**
     * A node-level series reported for a pod is evidence about the node first; for the pod's workload it
     * weighs half (the node's move may come from any of its guests).
     */
    static final double NODE_TO_GUEST = 0.5;

    private final TelemetryConfig config;
    private final TelemetryEntities entities;
    private final SeriesScorer scorer;

    /** A detector with these settings; it resolves entities through each analysis' context. */
    public MetricDetector(TelemetryConfig config) {
        this(config, null);
    }

    @Override
    public String evidence() {
        return "metrics";
    }

    @Override
    public void detect(Evidence window, Evidence baseline, DetectionContext context) {
        new MetricDetector(config, context.entities()).analyze(window.metrics(), baseline.metrics(), context.window(),
                context.out(), context.report());
    }

    private MetricDetector(TelemetryConfig config, TelemetryEntities entities) {
        this.config = config;
        this.entities = entities;
        this.scorer = new SeriesScorer(config);
    }

    void analyze(List<MetricSet> window, List<MetricSet> baseline, AnalysisWindow w, GraphWriter out,
                 TelemetryReport.Builder report) {
        Map<String, MetricSeries> current = merge(window);
        Map<String, MetricSeries> before = merge(baseline);
        Map<String, SeriesScorer.Split> splits = new LinkedHashMap<>();
        Map<String, List<SeriesScorer.Split>> baselinesByMetric = new LinkedHashMap<>();
        for (MetricSeries s : current.values()) {
            MetricSeries b = before.get(s.id());
            SeriesScorer.Split split = scorer.split(s.series(), b == null ? null : b.series(), w);
            splits.put(s.id(), split);
            baselinesByMetric.computeIfAbsent(s.metric(), k -> new java.util.ArrayList<>()).add(split);
        }
        var wait = new CalleeWait(current, splits);
        var ratios = new RatioMetrics(config.classifier(), current.values(), splits);
        Map<String, Double> levels = new HashMap<>();
        baselinesByMetric.forEach((m, list) -> levels.put(m, SeriesScorer.typicalLevel(list)));
        record Candidate(MetricSeries series, TelemetryEntities.Resolution owner, Anomaly anomaly, MetricClassifier.Kind kind,
                         boolean ongoing, String scoredAs) {
        }
        var candidates = new java.util.ArrayList<Candidate>();
        Map<String, int[]> perMetric = new HashMap<>();
        for (MetricSeries s : current.values()) {
            Optional<TelemetryEntities.Resolution> owner = entities.resolve(s.labels(), s.metric());
            if (owner.isEmpty()) {
                report.unresolved(s.id());
                continue;
            }
            report.count("series.scored", 1);
            int[] tally = perMetric.computeIfAbsent(s.metric(), k -> new int[2]);
            tally[0]++;
            Optional<RatioMetrics.Ratio> ratio = ratios.of(s);
            String scoredAs = ratio.isPresent() ? "failed-requests" : "robust-z";
            Optional<SeriesScorer.Scored> scored = ratio.isPresent()
                    ? scorer.scoreRatio(splits.get(s.id()), ratio.get().requests().series(), ratio.get().success(),
                            ratio.get().scale())
                    : scorer.score(splits.get(s.id()), levels.get(s.metric()));
            if (scored.isEmpty()) {
                continue;
            }
            if (scored.get().nothingNew()) {
                report.count("anomalies.ongoing", 1);
                continue;
            }
            var a = scored.get().anomaly();
            report.count("baseline." + scored.get().baseline(), 1);
            MetricClassifier.Kind kind = config.classifier().classify(s.metric(), a.direction());
            double waited = "LatencyAnomaly".equals(kind.family()) ? wait.explainedShare(s, a) : 0;
            if (waited > 0) {
                // the part of the rise that waiting on callees explains is theirs; what is left is the service's own
                a = new Anomaly(a.direction(), a.score() * (1 - waited), a.baseline(), a.spread(), a.observed(),
                        a.onset(), a.peak(), a.end(), a.anomalousPoints(), a.windowPoints());
                if (a.score() < config.detector().threshold()) {
                    report.count("anomalies.calleeWait", 1);
                    continue;
                }
            }
            if (!kind.adverse() && !config.emitHarmless()) {
                report.count("anomalies.harmless", 1);
                continue;
            }
            if (kind.adverse()) {
                tally[1]++;
            }
            candidates.add(new Candidate(s, owner.get(), a, kind, scored.get().ongoing(), scoredAs));
        }
        // guests whose own (not node-level) series moved adversely, by entity, kind and direction
        var ownMoves = new java.util.HashSet<String>();
        for (Candidate c : candidates) {
            if (c.kind().adverse() && !entities.nodeLevel(c.series().metric())) {
                ownMoves.add(c.owner().entityKey() + "|" + c.kind().family() + "|" + c.anomaly().direction());
            }
        }
        // a node-level move that a guest's own series of the same kind also made (its container's CPU rose with
        // the node's) is that guest's load seen from the node: a consequence on the node, marked explainedBy
        var explainedNodes = new HashMap<String, String>();
        for (Candidate c : candidates) {
            if (c.kind().adverse() && entities.nodeLevel(c.series().metric())) {
                Optional<TelemetryEntities.Resolution> guest = entities.resolve(c.series().labels(), "pod_" + c.series().metric());
                if (guest.isPresent() && ownMoves.contains(guest.get().entityKey() + "|" + c.kind().family() + "|"
                        + c.anomaly().direction())) {
                    explainedNodes.merge(c.owner().entityKey() + "|" + c.series().metric(), guest.get().entityKey(),
                            (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        Map<String, Signal> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            MetricSeries s = c.series();
            Anomaly a = c.anomaly();
            int[] tally = perMetric.get(s.metric());
            double share = tally[0] < MIN_PEERS ? 0 : tally[1] / (double) tally[0];
            double factor = config.peerDampening() ? Math.max(0, 1 - share) : 1;
            String explainedBy = explainedNodes.get(c.owner().entityKey() + "|" + s.metric());
            Anomaly scoredA = new Anomaly(a.direction(), a.score() * factor, a.baseline(), a.spread(), a.observed(),
                    a.onset(), a.peak(), a.end(), a.anomalousPoints(), a.windowPoints());
            TelemetryEntities.Resolution r = c.owner();
            var extra = new LinkedHashMap<String, Object>();
            extra.put("pod", r.pod());
            extra.put("family", c.kind().family());
            extra.put("adverse", c.kind().adverse());
            extra.put("series", s.id());
            extra.put("rawScore", AnomalySignals.round(a.score()));
            extra.put("peerShare", AnomalySignals.round(share));
            extra.put("ongoing", c.ongoing() ? Boolean.TRUE : null);
            extra.put("scoredAs", c.scoredAs());
            if ("LatencyAnomaly".equals(c.kind().family()) && CalleeWait.clientSide(s.metric())) {
                extra.put("side", "client");
            }
            boolean node = entities.nodeLevel(s.metric());
            if (node && explainedBy != null) {
                extra.put("explainedBy", explainedBy);
            }
            Signal signal = AnomalySignals.of(c.kind().type(), r.entityKey(), s.metric(), scoredA, s.id(), "metrics", extra);
            String slot = node ? r.entityKey() + "|" + s.metric() : s.id();
            keepStrongest(best, slot, signal);
            if (node && r.pod() != null) {
                // the node's move also speaks, more weakly, for the workload of the pod it was reported for
                Optional<TelemetryEntities.Resolution> guest = entities.resolve(s.labels(), "pod_" + s.metric());
                if (guest.isPresent() && !guest.get().entityKey().equals(r.entityKey())) {
                    Anomaly weak = scaled(scoredA, NODE_TO_GUEST);
                    var guestExtra = new LinkedHashMap<String, Object>(extra);
                    guestExtra.remove("explainedBy");
                    guestExtra.put("node", r.entityKey());
                    guestExtra.put("nodeLevel", true);
                    Signal g = AnomalySignals.of(c.kind().type(), guest.get().entityKey(), s.metric(), weak,
                            s.id() + "@node", "metrics", guestExtra);
                    keepStrongest(best, guest.get().entityKey() + "|" + s.metric(), g);
                }
            }
        }
        best.values().forEach(sig -> {
            out.signal(sig);
            report.signal(sig.type());
        });
    }

    private static Anomaly scaled(Anomaly a, double factor) {
        return new Anomaly(a.direction(), a.score() * factor, a.baseline(), a.spread(), a.observed(), a.onset(), a.peak(),
                a.end(), a.anomalousPoints(), a.windowPoints());
    }

    private static void keepStrongest(Map<String, Signal> best, String slot, Signal signal) {
        Signal previous = best.get(slot);
        if (previous == null || previous.number("score", 0) < signal.number("score", 0)) {
            best.put(slot, signal);
        }
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
