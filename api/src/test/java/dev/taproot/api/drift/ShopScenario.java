package dev.taproot.api.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.standard.StandardIngestors;

/**
 * A small shop ingested through the real ingestors: a call graph (edge list), deploy events (generic change
 * events) and firing alerts (an Alertmanager webhook). The names are this test's own.
 */
final class ShopScenario {

    private final IngestService ingest;

    ShopScenario(GraphStore store) {
        this.ingest = new IngestService(store, StandardIngestors.registry(store));
    }

    /** web calls cart and till; cart calls fx and till; till calls fx. */
    ShopScenario calls() throws MalformedInputException {
        ingest.ingest(IngestInput.of("shop.edges.csv", """
                source,target
                web,cart
                web,till
                cart,fx
                cart,till
                till,fx
                """), "edges", false);
        return this;
    }

    /** One deploy of {@code service} from {@code from} (may be null) to {@code to} at {@code at}. */
    ShopScenario deploy(String service, String from, String to, Instant at) throws MalformedInputException {
        String json = """
                {"type": "deploy", "entity": "%s", %s"to": "%s", "at": "%s", "who": "ci", "id": "%s-%s-%s"}
                """.formatted(service, from == null ? "" : "\"from\": \"" + from + "\", ", to, at, service, to, at.getEpochSecond());
        ingest.ingest(IngestInput.of("deploys.json", json), "changes", false);
        return this;
    }

    /** An error-rate alert on each service, firing from its time. */
    ShopScenario errors(List<String> services, List<Instant> from) throws MalformedInputException {
        var alerts = new ArrayList<String>();
        for (int i = 0; i < services.size(); i++) {
            alerts.add("""
                    {"status": "firing", "labels": {"alertname": "HighErrorRate", "service": "%s", "severity": "critical"},
                     "annotations": {"summary": "5xx above 5%%"}, "startsAt": "%s", "endsAt": "%s",
                     "fingerprint": "f%s"}""".formatted(services.get(i), from.get(i), from.get(i).plus(Duration.ofMinutes(20)),
                    Integer.toHexString((services.get(i) + from.get(i)).hashCode())));
        }
        ingest.ingest(IngestInput.of("alertmanager.json", """
                {"version": "4", "status": "firing", "receiver": "taproot", "groupLabels": {}, "commonLabels": {},
                 "alerts": [%s]}""".formatted(String.join(",\n", alerts))), "alertmanager", false);
        return this;
    }
}
