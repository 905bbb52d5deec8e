package dev.taproot.ingest.standard;

import java.util.ArrayList;
import java.util.List;

import dev.taproot.graph.store.TopologyReads;
import dev.taproot.ingest.IngestRegistry;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.alertmanager.AlertmanagerIngestor;
import dev.taproot.ingest.edges.EdgeListIngestor;
import dev.taproot.ingest.events.KubernetesEventsIngestor;
import dev.taproot.ingest.kubernetes.KubernetesIngestor;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryIngestor;

/**
 * The ingestors Taproot ships, in detection order (more specific formats first). The application
 * builds its {@link IngestRegistry} from this list; a new source adds one line here.
 */
public final class StandardIngestors {

    private StandardIngestors() {
    }

    /** Every shipped ingestor, most specific first. */
    public static List<Ingestor> all() {
        var list = new ArrayList<Ingestor>();
        list.add(new AlertmanagerIngestor());
        list.add(new KubernetesEventsIngestor());
        list.add(new dev.taproot.ingest.changes.ChangeEventsIngestor());
        list.add(new EdgeListIngestor());
        list.add(new dev.taproot.ingest.compose.ComposeIngestor());
        list.add(new dev.taproot.ingest.catalog.BackstageCatalogIngestor());
        list.add(new KubernetesIngestor());
        list.add(new dev.taproot.ingest.rdf.RdfIngestor());
        return list;
    }

    /** A registry of every shipped ingestor that needs no store (topology, alerts, events, changes, RDF). */
    public static IngestRegistry registry() {
        return new IngestRegistry(all());
    }

    /**
     * A registry of every shipped ingestor, telemetry included: metrics, traces and logs resolve their
     * series to entities through {@code store}, so they need it. Telemetry formats come first: their
     * suffixes ({@code .prom.json}, {@code .otlp-traces.json}, ...) are the most specific.
     */
    public static IngestRegistry registry(TopologyReads store) {
        var list = new ArrayList<Ingestor>(TelemetryIngestor.all(new TelemetryAnalyzer(), TelemetryEntities.Graph.of(store)));
        list.addAll(all());
        return new IngestRegistry(list);
    }
}
