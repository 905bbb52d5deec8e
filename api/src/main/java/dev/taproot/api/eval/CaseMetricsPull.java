package dev.taproot.api.eval;

import java.util.List;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.IngestService;
import dev.taproot.rules.eval.CaseSpec;

/**
 * Where a replay asks for a case's metrics instead of reading its recorded files: fetches them for the
 * case's window and baseline, detects and stores the signals through {@code ingest}. The live package
 * implements it over its configured-source fetch ({@code dev.taproot.api.live.PrometheusCasePull}).
 */
@FunctionalInterface
public interface CaseMetricsPull {

    /**
     * What one pull did.
     *
     * @param fetched  one line per source that answered
     * @param problems one line per source that failed or was cut short
     */
    record Pulled(List<String> fetched, List<String> problems) {
    }

    Pulled pull(CaseSpec spec, GraphStore store, IngestService ingest);
}
