package dev.taproot.api.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.diagnosis.DiagnoseRequest;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.evidence.Evidence;

/**
 * Three namespaces run one shop. A release rolled out to one of them, noticed when its manifests are ingested
 * again, is a cause candidate of the errors that follow there, with what the rest of the fleet runs as evidence.
 */
class FleetDriftDiagnosisTest {

    static final Instant T = Instant.parse("2026-05-11T08:00:00Z");
    static final String[] NAMESPACES = {"eu", "us", "ap"};

    @TempDir
    Path dir;
    GraphStore store;
    Taproot taproot;
    IngestService ingest;

    @BeforeEach
    void fleet() throws Exception {
        store = TestStores.emptyEmbedded();
        ingest = new IngestService(store, StandardIngestors.registry(store));
        var yaml = new StringBuilder();
        for (String ns : NAMESPACES) {
            yaml.append(FleetDriftTest.deployment(ns, "payment", "shop/payment:1.0", "x"));
            yaml.append(FleetDriftTest.deployment(ns, "checkout", "shop/checkout:3.1", "x"));
        }
        manifests("fleet.yaml", yaml.toString(), T.minusSeconds(3600));
        ingest.ingest(IngestInput.of("calls.edges.csv", """
                source,target
                k8s/eu/Deployment/checkout,k8s/eu/Deployment/payment
                """), "edges", false);
        taproot = Taproot.over(new TaprootConfig(dir, StoreConfig.embedded(dir, 0), "127.0.0.1", 0), store);
    }

    @AfterEach
    void stop() {
        taproot.close();
    }

    void manifests(String name, String yaml, Instant at) throws Exception {
        ingest.ingest(new IngestInput(name, yaml.getBytes(StandardCharsets.UTF_8), at), "kubernetes", false);
    }

    void checkoutErrorsInEu() throws Exception {
        ingest.ingest(IngestInput.of("alertmanager.json", """
                {"version": "4", "status": "firing", "receiver": "taproot", "groupLabels": {}, "commonLabels": {},
                 "alerts": [{"status": "firing", "labels": {"alertname": "HighErrorRate", "namespace": "eu", "deployment": "checkout"},
                             "annotations": {}, "startsAt": "%s", "endsAt": "%s", "fingerprint": "e1"}]}
                """.formatted(T.plusSeconds(180), T.plusSeconds(1200))), "alertmanager", false);
    }

    Candidate payment() {
        var diagnosis = taproot.diagnose().diagnose(DiagnoseRequest.of(List.of("k8s/eu/Deployment/checkout"), null,
                T.minusSeconds(900), T.plusSeconds(900)));
        return diagnosis.analysis().candidates().stream().filter(c -> c.name().equals("payment"))
                .findFirst().orElseThrow(() -> new AssertionError("payment in eu is no candidate: " + diagnosis.analysis().candidates().stream().map(Candidate::entityKey).toList()));
    }

    static List<String> facts(Candidate c) {
        return c.evidence().details().stream().filter(e -> e.kind() == Evidence.Kind.FACT).map(Evidence::sentence).toList();
    }

    @Test
    void aReleaseOnlyOneNamespaceRunsIsACandidateWithTheDriftAsEvidence() throws Exception {
        manifests("eu.yaml", FleetDriftTest.deployment("eu", "payment", "shop/payment:2.0", "x"), T.plusSeconds(60));
        checkoutErrorsInEu();
        Candidate payment = payment();
        assertThat(facts(payment)).containsExactly("payment 2.0 was deployed in eu at 2026-05-11 08:01 UTC; the rest of"
                + " the fleet runs 1.0 (2 of 2 other copies: ap, us).");
        assertThat(payment.evidence().sentences()).contains(facts(payment).get(0));
    }

    @Test
    void aReleaseTheWholeFleetRunsIsNoDrift() throws Exception {
        var all = new StringBuilder();
        for (String ns : NAMESPACES) {
            all.append(FleetDriftTest.deployment(ns, "payment", "shop/payment:2.0", "x"));
        }
        manifests("all.yaml", all.toString(), T.plusSeconds(60));
        checkoutErrorsInEu();
        assertThat(facts(payment())).isEmpty();
    }
}
