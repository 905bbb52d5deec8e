package dev.taproot.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import dev.taproot.api.Taproot;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.NdjsonIncidentReader;

/**
 * Loads the demo that ships in the api jar (Online Boutique manifests, an Alertmanager payload, the
 * incident history) through the real ingest service and incident memory, into an emptied store.
 */
public final class DemoGraph {

    /** When the demo's manifests are said to have been observed (before its alerts). */
    public static final Instant OBSERVED = Instant.parse("2026-01-15T09:00:00Z");

    private DemoGraph() {
    }

    public static void load(Taproot taproot) {
        taproot.store().clear();
        var ingest = new IngestService(taproot.store(), StandardIngestors.registry());
        try {
            ingest.ingest(new IngestInput("online-boutique.yaml", bytes("demo/online-boutique.yaml"), OBSERVED), true);
            ingest.ingest(new IngestInput("alertmanager-checkout-failure.json", bytes("demo/alertmanager-checkout-failure.json"),
                    Instant.parse("2026-01-15T10:00:00Z")), false);
        } catch (MalformedInputException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = DemoGraph.class.getClassLoader().getResourceAsStream("demo/incident-history.ndjson")) {
            taproot.memory().importFrom(new NdjsonIncidentReader("incident-history.ndjson", in), IncidentImporter.Listener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = DemoGraph.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
