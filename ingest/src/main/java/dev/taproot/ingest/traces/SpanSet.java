package dev.taproot.ingest.traces;

import java.util.List;

import dev.taproot.ingest.Rejection;

/**
 * The spans read from one trace input and the spans refused, with their location and reason.
 */
public record SpanSet(String source, List<Span> spans, List<Rejection> rejected) {

    public SpanSet {
        spans = List.copyOf(spans);
        rejected = List.copyOf(rejected);
    }
}
