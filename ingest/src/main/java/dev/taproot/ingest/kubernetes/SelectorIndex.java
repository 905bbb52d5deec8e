package dev.taproot.ingest.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level workloads by namespace and pod-template label, so that a Service's selector is compared
 * only with the workloads carrying its rarest label rather than with every workload: linking N
 * Services to N workloads costs about N comparisons instead of N x N.
 */
final class SelectorIndex {

    private record Label(String namespace, String name, String value) {
    }

    private final Map<Label, List<Workload>> byLabel = new HashMap<>();

    SelectorIndex(List<Workload> workloads) {
        for (Workload w : workloads) {
            if (!w.topLevel()) {
                continue;
            }
            w.template().labels().forEach((name, value) -> byLabel
                    .computeIfAbsent(new Label(w.object().namespace(), name, value), k -> new ArrayList<>()).add(w));
        }
    }

    /**
     * The top-level workloads of {@code namespace} that carry the selector's least common label: a
     * superset of those it selects (each still to be matched in full). Empty for an empty selector,
     * which selects nothing.
     */
    List<Workload> candidates(String namespace, Map<String, String> selector) {
        List<Workload> fewest = List.of();
        boolean first = true;
        for (var e : selector.entrySet()) {
            List<Workload> with = byLabel.getOrDefault(new Label(namespace, e.getKey(), e.getValue()), List.of());
            if (first || with.size() < fewest.size()) {
                fewest = with;
                first = false;
            }
        }
        return fewest;
    }
}
