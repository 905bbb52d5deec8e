package dev.taproot.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.taproot.ingest.alertmanager.AlertmanagerIngestor;
import dev.taproot.ingest.edges.EdgeListIngestor;
import dev.taproot.ingest.events.KubernetesEventsIngestor;
import dev.taproot.ingest.kubernetes.KubernetesIngestor;

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
        list.add(new dev.taproot.ingest.catalog.BackstageCatalogIngestor());
        list.add(new KubernetesIngestor());
        list.add(new dev.taproot.ingest.rdf.RdfIngestor());
        return list;
    }

    /** A registry of every shipped ingestor. */
    public static IngestRegistry registry() {
        return new IngestRegistry(all());
    }
}
