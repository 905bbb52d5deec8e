package dev.taproot.ingest.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.traces.Span;

/**
 * Call gaps (caller's client span minus the callee's server span) as evidence of a slow hop: judged against the
 * callee's own baseline or, for a callee the baseline never sampled, every call's; only when at least half the
 * sampled calls waited; and a delayed service's outbound calls are its delay, not their callees'.
 */
class CallGapsTest {

    static final long BASE_START = Instant.parse("2026-12-06T09:00:00Z").toEpochMilli();
    static final Instant WINDOW_START = Instant.parse("2026-12-06T10:00:00Z");
    static final AnalysisWindow WINDOW = new AnalysisWindow(WINDOW_START, WINDOW_START.plusSeconds(300));

    private final List<Span> spans = new ArrayList<>();
    private int ids;

    /** One call {@code caller -> callee} at {@code atMillis}: the callee took 10 ms, the caller waited {@code gapMs} more. */
    private void call(String caller, String callee, long atMillis, double gapMs) {
        String trace = "t" + (++ids);
        long start = atMillis * 1_000_000L;
        long callerEnd = start + (long) ((10 + gapMs) * 1_000_000L);
        spans.add(new Span(trace, "c" + ids, null, caller, null, "GET /" + callee, "CLIENT", start, callerEnd, null, null, null));
        spans.add(new Span(trace, "s" + ids, "c" + ids, callee, null, "/" + callee, "SERVER", start, start + 10_000_000L, null, null, null));
    }

    /** A quiet hour of calls with 2-4 ms gaps on the given edges. */
    private List<Span> baseline(String... edges) {
        for (int i = 0; i < 20; i++) {
            for (String e : edges) {
                String[] ends = e.split(">");
                call(ends[0], ends[1], BASE_START + i * 60_000L, 2 + (i % 3));
            }
        }
        var out = List.copyOf(spans);
        spans.clear();
        return out;
    }

    private Map<String, Signal> gaps(List<Span> baseline) {
        var out = new GraphWriter();
        new CallGaps(TelemetryConfig.DEFAULTS).write(List.copyOf(spans), baseline, WINDOW, Function.identity(), out,
                new TelemetryReport.Builder());
        return out.batch().signals().stream().collect(Collectors.toMap(Signal::entityKey, s -> s));
    }

    private long inWindow(int second) {
        return WINDOW_START.toEpochMilli() + second * 1000L;
    }

    @Test
    void aCalleeTheBaselineNeverSampledIsJudgedAgainstEveryCallsGap() {
        List<Span> base = baseline("gateway>orders", "orders>payments");
        call("gateway", "checkout", inWindow(10), 1000);
        call("gateway", "checkout", inWindow(40), 1005);
        call("gateway", "orders", inWindow(20), 3);
        call("gateway", "orders", inWindow(50), 2);

        Map<String, Signal> found = gaps(base);

        assertThat(found).containsOnlyKeys("checkout");
        Signal s = found.get("checkout");
        assertThat(s.type()).isEqualTo("NetworkAnomaly");
        assertThat(s.attributes()).containsEntry("baselineScope", "all calls").containsEntry("calls", 2L)
                .containsEntry("metric", "trace_call_gap_ms").doesNotContainKey("explainedBy");
        assertThat(s.number("observed", 0)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void twoSampledCallsOnlyCountWhenBothWaited() {
        List<Span> base = baseline("gateway>orders");
        call("gateway", "orders", inWindow(10), 900);
        call("gateway", "orders", inWindow(40), 3);

        assertThat(gaps(base)).isEmpty();

        call("gateway", "orders", inWindow(70), 950);
        assertThat(gaps(base)).as("two of three waited: the lower median is long").containsOnlyKeys("orders");
    }

    @Test
    void aDelayedServicesOwnOutboundCallsAreItsDelayNotTheirCallees() {
        List<Span> base = baseline("gateway>orders", "orders>payments", "gateway>payments");
        // orders' network is slow: the calls it receives and the calls it makes both wait
        for (int i = 0; i < 4; i++) {
            call("gateway", "orders", inWindow(10 + i * 30), 800 + i);
            call("orders", "payments", inWindow(12 + i * 30), 790 + i);
        }

        Map<String, Signal> found = gaps(base);

        assertThat(found).containsOnlyKeys("orders", "payments");
        assertThat(found.get("orders").attributes()).doesNotContainKey("explainedBy");
        assertThat(found.get("payments").attributes()).containsEntry("explainedBy", "orders");
    }

    @Test
    void aCalleeSlowFromACallerThatIsItselfFineIsNotExplainedAway() {
        List<Span> base = baseline("gateway>orders", "orders>payments", "gateway>payments");
        for (int i = 0; i < 4; i++) {
            call("gateway", "orders", inWindow(10 + i * 30), 3);
            call("orders", "payments", inWindow(12 + i * 30), 790 + i);
            call("gateway", "payments", inWindow(14 + i * 30), 800 + i);
        }

        Map<String, Signal> found = gaps(base);

        assertThat(found).containsOnlyKeys("payments");
        assertThat(found.get("payments").attributes()).doesNotContainKey("explainedBy");
    }
}
