package dev.taproot.ingest.detect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.metrics.MetricSeries;
import dev.taproot.ingest.metrics.MetricSet;

/**
 * CALLS relationships from request metrics that name both ends of a call, as service meshes and
 * trace pipelines export them, so a cluster whose services are not traced still has a call graph:
 * <ul>
 *   <li>Istio ({@code istio_requests_total}): {@code source_workload} (or {@code source_canonical_service},
 *       {@code source_app}) to {@code destination_service_name} / {@code destination_canonical_service} /
 *       {@code destination_workload}, with their {@code *_namespace}; {@code response_code} 5xx counts as
 *       failed;</li>
 *   <li>Linkerd ({@code request_total}, {@code response_total}): {@code deployment} (or {@code statefulset},
 *       {@code daemonset}) to {@code dst_service} / {@code dst_deployment} / {@code dst_statefulset}, with
 *       {@code namespace} and {@code dst_namespace}; {@code classification="failure"} counts as failed;</li>
 *   <li>OpenTelemetry service graphs ({@code traces_service_graph_request_total},
 *       {@code ..._request_failed_total}): {@code client} to {@code server}.</li>
 * </ul>
 * A raw counter (a named {@code *_total} or {@code *_count} series) counts its increase, resets included;
 * an aggregated answer (a rate, with no metric name, such as the shipped {@code istio.calls_per_second})
 * counts the rate integrated over time. Each series is one view of an edge's calls (by metric, or by query
 * for unnamed answers); the edge carries the largest view's {@code requests} and {@code errors}, so the same
 * calls exported twice ({@code request_total} and {@code response_total}) are not counted twice. Like the
 * CALLS edges of traces, an edge is valid from the first sample that shows a call, open-ended, and is written
 * for the window and the baseline alike; latency series (buckets, sums, quantiles, ratios) attest the edge
 * without counting. The ends resolve through {@link TelemetryEntities}, as every other series does.
 */
public final class MeshCalls implements SignalDetector {

    private static final Pattern NOT_A_COUNT = Pattern.compile(
            "bucket|_sum$|duration|latency|seconds|millis|quantile|p\\d\\d|ratio|percent|bytes|size");
    private static final Pattern FAILED = Pattern.compile("fail|error");
    private static final Pattern COUNTED = Pattern.compile("request|response|calls");

    /** One end of a call, as labels {@link TelemetryEntities} reads, most specific name first. */
    record End(Map<String, String> labels) {
        String name() {
            return labels.values().iterator().next();
        }

        /** An end from a service name, an app name and a workload name (any may be null), or null with none. */
        static End of(String namespace, String service, String app, String workload) {
            var labels = new LinkedHashMap<String, String>();
            for (String[] kv : new String[][] {{"service", service}, {"app", app}, {"workload", workload}}) {
                if (kv[1] != null) {
                    labels.put(kv[0], kv[1]);
                }
            }
            if (labels.isEmpty()) {
                return null;
            }
            if (namespace != null) {
                labels.put("namespace", namespace);
            }
            return new End(labels);
        }
    }

    /** A call's two ends and the mesh that reported it. */
    record Pair(String mesh, End caller, End callee) {
    }

    /** Calls and failed calls of one edge seen in one view. */
    private static final class Tally {
        double requests;
        double errors;
        long first = Long.MAX_VALUE;
    }

    @Override
    public String evidence() {
        return "mesh-metrics";
    }

    @Override
    public void detect(Evidence window, Evidence baseline, DetectionContext context) {
        Map<String, Map<String, Tally>> now = tally(window.metrics());
        Map<String, Map<String, Tally>> before = tally(baseline.metrics());
        var edges = new LinkedHashSet<String>(now.keySet());
        edges.addAll(before.keySet());
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (List<MetricSet> side : List.of(window.metrics(), baseline.metrics())) {
            for (MetricSet set : side) {
                for (MetricSeries s : set.series()) {
                    pair(s).ifPresent(p -> pairs.putIfAbsent(key(p), p));
                }
            }
        }
        for (String edge : edges) {
            Map<String, Tally> views = now.containsKey(edge) ? now.get(edge) : before.get(edge);
            Pair p = pairs.get(edge);
            Optional<TelemetryEntities.Resolution> from = context.entities().resolve(p.caller().labels(), "mesh_calls");
            Optional<TelemetryEntities.Resolution> to = context.entities().resolve(p.callee().labels(), "mesh_calls");
            if (from.isEmpty() || to.isEmpty() || from.get().entityKey().equals(to.get().entityKey())) {
                context.report().count("calls.meshUnresolved", 1);
                continue;
            }
            double requests = 0;
            double errors = 0;
            long first = Long.MAX_VALUE;
            for (Tally t : views.values()) {
                requests = Math.max(requests, t.requests);
                errors = Math.max(errors, t.errors);
                first = Math.min(first, t.first);
            }
            var props = new LinkedHashMap<String, Object>();
            long calls = Math.round(requests);
            props.put("requests", calls);
            props.put("errors", Math.round(Math.min(errors, requests)));
            props.put("errorRate", calls == 0 ? 0.0 : AnomalySignals.round(Math.min(errors, requests) / requests));
            props.put("source", "mesh-metrics");
            props.put("mesh", p.mesh());
            context.out().relationship(new Relationship(RelationshipTypes.CALLS, from.get().entityKey(),
                    to.get().entityKey(), props, first == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first), null));
            context.report().count("calls", 1);
            context.report().count("calls.mesh", 1);
        }
    }

    /** Per edge key and view, what the series of one side counted. */
    private static Map<String, Map<String, Tally>> tally(List<MetricSet> sets) {
        Map<String, Map<String, Tally>> out = new LinkedHashMap<>();
        for (MetricSet set : sets) {
            for (MetricSeries s : set.series()) {
                Optional<Pair> pair = pair(s);
                if (pair.isEmpty() || s.series().isEmpty()) {
                    continue;
                }
                boolean named = !"unnamed".equals(s.metric());
                String view = named ? s.metric() : set.source();
                String what = view.toLowerCase(Locale.ROOT);
                Tally t = out.computeIfAbsent(key(pair.get()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(view, k -> new Tally());
                long seen = firstCall(s.series());
                if (seen == Long.MAX_VALUE) {
                    continue;
                }
                t.first = Math.min(t.first, seen);
                if (NOT_A_COUNT.matcher(what).find() || !(COUNTED.matcher(what).find() || !named)) {
                    continue;
                }
                boolean cumulative = named && (what.endsWith("_total") || what.endsWith("_count"));
                double n = cumulative ? increase(s.series()) : integral(s.series());
                if (FAILED.matcher(what).find()) {
                    t.errors += n;
                } else {
                    t.requests += n;
                    if (failed(s.labels())) {
                        t.errors += n;
                    }
                }
            }
        }
        return out;
    }

    private static String key(Pair p) {
        return p.caller().name() + "\u0000" + p.caller().labels().getOrDefault("namespace", "") + "\u0000"
                + p.callee().name() + "\u0000" + p.callee().labels().getOrDefault("namespace", "");
    }

    /** The two ends a series names, if it is a call metric of a known mesh. */
    static Optional<Pair> pair(MetricSeries s) {
        Map<String, String> l = s.labels();
        if (has(l, "source_workload", "source_canonical_service", "source_app")) {
            End caller = End.of(value(l, "source_workload_namespace"), value(l, "source_canonical_service"),
                    value(l, "source_app"), value(l, "source_workload"));
            End callee = End.of(value(l, "destination_workload_namespace", "destination_service_namespace"),
                    serviceName(value(l, "destination_service_name")),
                    value(l, "destination_canonical_service", "destination_app"), value(l, "destination_workload"));
            return both("istio", caller, callee);
        }
        if (has(l, "dst_deployment", "dst_statefulset", "dst_daemonset", "dst_service")) {
            End caller = End.of(value(l, "namespace"), null, null, value(l, "deployment", "statefulset", "daemonset"));
            End callee = End.of(value(l, "dst_namespace"), value(l, "dst_service"), null,
                    value(l, "dst_deployment", "dst_statefulset", "dst_daemonset"));
            return both("linkerd", caller, callee);
        }
        if (has(l, "client") && has(l, "server")) {
            return both("service-graph", End.of(null, value(l, "client"), null, null),
                    End.of(null, value(l, "server"), null, null));
        }
        return Optional.empty();
    }

    private static Optional<Pair> both(String mesh, End caller, End callee) {
        return caller == null || callee == null ? Optional.empty() : Optional.of(new Pair(mesh, caller, callee));
    }

    private static boolean has(Map<String, String> l, String... names) {
        return value(l, names) != null;
    }

    /** The first of the labels with a known value, or null. */
    private static String value(Map<String, String> l, String... names) {
        for (String n : names) {
            String v = l.get(n);
            if (known(v)) {
                return v;
            }
        }
        return null;
    }

    /** Meshes write {@code unknown} when they cannot tell an end (traffic from outside, a failed lookup). */
    private static boolean known(String value) {
        return value != null && !value.isBlank() && !"unknown".equalsIgnoreCase(value);
    }

    /** {@code reviews.bookinfo.svc.cluster.local} -> {@code reviews}. */
    private static String serviceName(String host) {
        if (!known(host)) {
            return null;
        }
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }

    private static boolean failed(Map<String, String> l) {
        String code = l.get("response_code");
        return code != null && code.startsWith("5") || "failure".equals(l.get("classification"))
                || "STATUS_CODE_ERROR".equals(l.get("status_code"));
    }

    private static long firstCall(TimeSeries s) {
        long[] t = s.times();
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                return t[i];
            }
        }
        return Long.MAX_VALUE;
    }

    /** A counter's increase over the series, a reset (a drop) starting again from zero. */
    static double increase(TimeSeries s) {
        double[] v = s.values();
        double sum = 0;
        for (int i = 1; i < v.length; i++) {
            sum += v[i] >= v[i - 1] ? v[i] - v[i - 1] : v[i];
        }
        return sum;
    }

    /** A per-second rate summed over time: each sample holds until the next. */
    static double integral(TimeSeries s) {
        long[] t = s.times();
        double[] v = s.values();
        double sum = 0;
        for (int i = 1; i < v.length; i++) {
            sum += v[i - 1] * ((t[i] - t[i - 1]) / 1000.0);
        }
        return sum;
    }
}
