package dev.taproot.ingest.traces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What spans say about services and the calls between them. A service's <b>entry spans</b> are its spans
 * whose parent is absent or recorded by another service (the requests it served); a <b>CALLS edge</b>
 * caller -> callee is every span whose parent belongs to another service (observed at the callee), plus
 * every client span naming a peer ({@code peer.service}, {@code server.address}, ...) with no
 * instrumented child (an uninstrumented callee such as a database).
 */
public final class CallObservations {

    /** One request: when it started, how long it took, whether it failed. */
    public record Observation(long timeMillis, double latencyMillis, boolean error) {
    }

    /** A caller -> callee pair of services. */
    public record Edge(String caller, String callee) {
        @Override
        public String toString() {
            return caller + "->" + callee;
        }
    }

    private final Map<String, List<Observation>> services = new LinkedHashMap<>();
    private final Map<Edge, List<Observation>> edges = new LinkedHashMap<>();
    private final Map<String, String> pods = new HashMap<>();
    private int orphans;

    /** Builds the observations of a set of spans (all of one side: window or baseline). */
    public static CallObservations of(List<Span> spans) {
        var o = new CallObservations();
        Map<String, Span> byId = new HashMap<>(spans.size() * 2);
        Map<String, Integer> crossChildren = new HashMap<>();
        for (Span s : spans) {
            byId.put(s.traceId() + "/" + s.spanId(), s);
        }
        for (Span s : spans) {
            if (s.pod() != null) {
                o.pods.putIfAbsent(s.service(), s.pod());
            }
            var obs = new Observation(s.startMillis(), s.durationMillis(), s.error());
            Span parent = s.parentSpanId() == null ? null : byId.get(s.traceId() + "/" + s.parentSpanId());
            if (s.parentSpanId() != null && parent == null) {
                o.orphans++;
            }
            if (parent == null || !parent.service().equals(s.service())) {
                o.services.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(obs);
            }
            if (parent != null && !parent.service().equals(s.service())) {
                o.edges.computeIfAbsent(new Edge(parent.service(), s.service()), k -> new ArrayList<>()).add(obs);
                crossChildren.merge(parent.traceId() + "/" + parent.spanId(), 1, Integer::sum);
            }
        }
        for (Span s : spans) {
            if ("client".equals(s.kind()) && s.peer() != null && !s.peer().equals(s.service())
                    && !crossChildren.containsKey(s.traceId() + "/" + s.spanId())) {
                o.edges.computeIfAbsent(new Edge(s.service(), s.peer()), k -> new ArrayList<>())
                        .add(new Observation(s.startMillis(), s.durationMillis(), s.error()));
            }
        }
        return o;
    }

    /** Entry-span observations per service. */
    public Map<String, List<Observation>> services() {
        return services;
    }

    /** Observations per CALLS edge. */
    public Map<Edge, List<Observation>> edges() {
        return edges;
    }

    /** A pod seen recording spans for a service, or null. */
    public String podOf(String service) {
        return pods.get(service);
    }

    /** Spans whose parent was not among the spans (sampling, or a trace cut by the time range). */
    public int orphans() {
        return orphans;
    }
}
