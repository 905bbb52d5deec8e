package dev.taproot.ingest.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.ingest.traces.Span;
import dev.taproot.ingest.traces.SpanSet;

/**
 * Gathers the spans of traces fetched service by service: a trace found through two services is
 * counted once, each span kept once; refused spans are counted for the notes.
 */
final class SpanCollector {

    private final Map<String, Span> spans = new LinkedHashMap<>();
    private final Set<String> traces = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private int rejected;

    void add(SpanSet set) {
        for (Span s : set.spans()) {
            traces.add(s.traceId());
            spans.putIfAbsent(s.traceId() + "/" + s.spanId(), s);
        }
        rejected += set.rejected().size();
        if (!set.rejected().isEmpty() && notes.size() < 5) {
            notes.add(set.rejected().size() + " span(s) refused, e.g. " + set.rejected().getFirst());
        }
    }

    boolean seen(String traceId) {
        return traces.contains(traceId);
    }

    void note(String note) {
        notes.add(note);
    }

    LiveTelemetry done() {
        String summary = traces.size() + " traces, " + spans.size() + " spans" + (rejected == 0 ? "" : ", " + rejected + " refused");
        return new LiveTelemetry(List.of(), List.copyOf(spans.values()), List.of(), summary, notes);
    }
}
