package dev.taproot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.taproot.api.Taproot;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.NdjsonIncidentReader;

/**
 * Test data for end-to-end benchmarks: the demo shipped in the api jar (Online Boutique manifests,
 * alerts, incident history) through the real ingest path, plus a synthetic topology of services
 * calling services and pods on nodes, with alerts on a share of the services.
 */
final class BenchDemo {

    /** When the synthetic alerts fire (the demo's own alerts are around the same time). */
    static final Instant ALERTS_AT = Instant.parse("2026-01-15T10:00:00Z");

    private BenchDemo() {
    }

    static void loadDemo(Taproot taproot) throws Exception {
        var ingest = new IngestService(taproot.store(), StandardIngestors.registry());
        ingest.ingest(new IngestInput("online-boutique.yaml", resource("demo/online-boutique.yaml"),
                Instant.parse("2026-01-15T09:00:00Z")), true);
        ingest.ingest(new IngestInput("alertmanager-checkout-failure.json", resource("demo/alertmanager-checkout-failure.json"),
                ALERTS_AT), false);
        try (InputStream in = BenchDemo.class.getClassLoader().getResourceAsStream("demo/incident-history.ndjson")) {
            taproot.memory().importFrom(new NdjsonIncidentReader("incident-history.ndjson", in), IncidentImporter.Listener.NONE);
        }
    }

    /** Synthetic services {@code svc-<i>} (nine in ten) and nodes; returns the service names. */
    static List<String> loadSynthetic(Taproot taproot, int entities, int relationships, int batch, long seed) {
        var random = new SplittableRandom(seed);
        var services = new ArrayList<String>();
        var buffer = new ArrayList<Entity>(batch);
        for (int i = 0; i < entities; i++) {
            boolean node = i % 10 == 0;
            buffer.add(Entity.of(key(i), node ? "Node" : "Service", name(i)));
            if (!node) {
                services.add(name(i));
            }
            if (buffer.size() == batch) {
                taproot.store().upsertEntities(buffer);
                buffer.clear();
            }
        }
        taproot.store().upsertEntities(buffer);
        var rels = new ArrayList<Relationship>(batch);
        var signals = new ArrayList<Signal>();
        for (int i = 0; i < relationships; i++) {
            int from = random.nextInt(entities);
            int to = Math.floorMod(from + 1 + random.nextInt(50), entities);
            rels.add(Relationship.of(to % 10 == 0 ? RelationshipTypes.RUNS_ON : RelationshipTypes.DEPENDS_ON, key(from), key(to)));
            if (rels.size() == batch) {
                taproot.store().write(new GraphBatch(List.of(), rels, List.of(), List.of()));
                rels.clear();
            }
        }
        taproot.store().write(new GraphBatch(List.of(), rels, List.of(), List.of()));
        for (int i = 1; i < entities; i += 20) {
            String type = random.nextBoolean() ? "ErrorRate" : "HighLatency";
            signals.add(new Signal("bench-signal-" + i, type, key(i), type + "Alert", Severity.WARNING,
                    ALERTS_AT.minusSeconds(random.nextInt(600)), null, Map.of(), "bench"));
        }
        taproot.store().upsertSignals(signals);
        return services;
    }

    static String key(int i) {
        return "service/svc-" + i;
    }

    static String name(int i) {
        return "svc-" + i;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BenchDemo.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }
}
