package dev.taproot.api.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;

/** Drift read from manifests as ingested: three namespaces running one shop. */
class FleetDriftTest {

    GraphStore store;

    static String deployment(String ns, String name, String image, String env) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                        - name: server
                          image: %s
                          env: [{name: MODE, value: "%s"}]
                ---
                """.formatted(name, ns, name, name, image, env);
    }

    @BeforeEach
    void ingest() throws Exception {
        store = TestStores.emptyEmbedded();
        var yaml = new StringBuilder();
        for (String ns : new String[] {"eu", "us", "ap"}) {
            yaml.append(deployment(ns, "payment", ns.equals("ap") ? "shop/payment:2.0" : "shop/payment:1.0", "x"));
            yaml.append(deployment(ns, "currency", ns.equals("ap") ? "registry.local:5000/shop/currency:1.4.2" : "registry.local:5000/shop/currency:1.3.0", "x"));
            yaml.append(deployment(ns, "cart", "shop/cart:3.1", ns.equals("us") ? "fast" : "safe"));
        }
        new IngestService(store, StandardIngestors.registry(store)).ingest(IngestInput.of("fleet.yaml", yaml.toString()), "kubernetes", false);
    }

    @Test
    void anOutlierVersionIsNamedAgainstWhatTheFleetRuns() {
        FleetDrift.Report r = new FleetDrift(store).report(Compatibility.none());
        assertThat(r.workloads()).isEqualTo(9);
        assertThat(r.versions()).extracting(FleetDrift.VersionDrift::workload).containsExactly("currency", "payment");
        FleetDrift.VersionDrift payment = r.versions().get(1);
        assertThat(payment.component()).isEqualTo("shop/payment");
        assertThat(payment.fleetVersion()).isEqualTo("1.0");
        assertThat(payment.outliers()).extracting(FleetDrift.Place::namespace).containsExactly("ap");
        assertThat(payment.sentence()).isEqualTo("Deployment payment (shop/payment): the fleet runs 1.0 (2 of 3); ap runs 2.0");
        assertThat(r.versions().get(0).component()).as("a registry port is not a tag").isEqualTo("registry.local:5000/shop/currency");
    }

    @Test
    void sameImagesUnderAnotherPodTemplateIsConfigDrift() {
        FleetDrift.Report r = new FleetDrift(store).report(Compatibility.none());
        assertThat(r.configs()).singleElement().satisfies(c -> {
            assertThat(c.workload()).isEqualTo("cart");
            assertThat(c.sentence()).contains("2 different pod templates").contains("us");
        });
        assertThat(r.lines().getLast()).isEqualTo("drift: 9 workloads compared, 2 with version drift, 1 with config drift, 0 known-bad pairs running");
    }

    @Test
    void aKnownBadPairRunningTogetherIsFoundWhereItRuns() {
        var compat = Compatibility.parse("compat.yaml", """
                compatibility:
                  - component: payment
                    version: "2.0"
                    breaksWith: {component: currency, version: "1.4*"}
                    note: payment 2.0 calls currency's v2 API
                  - component: payment
                    version: "1.0"
                    breaksWith: {component: currency, version: "2.*"}
                """);
        FleetDrift.Report r = new FleetDrift(store).report(compat);
        assertThat(r.knownBad()).singleElement().satisfies(k -> {
            assertThat(k.namespace()).isEqualTo("ap");
            assertThat(k.sentence()).isEqualTo("in ap, payment 2.0 runs with currency 1.4.2, a pair known to break"
                    + " (payment 2.0 calls currency's v2 API) [declared in compat.yaml]");
        });
        assertThat(r.compatibility()).extracting(Compatibility.Pair::sentence).containsExactly(
                "payment 2.0 breaks with currency 1.4* (declared in compat.yaml: payment 2.0 calls currency's v2 API)",
                "payment 1.0 breaks with currency 2.* (declared in compat.yaml)");
        assertThat(r.lines()).contains("known pair:    payment 1.0 breaks with currency 2.* (declared in compat.yaml)");
    }

    @Test
    void theSameReportIsServedOverRest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var config = new dev.taproot.api.config.TaprootConfig(dir, dev.taproot.graph.store.StoreConfig.embedded(dir, 0), "127.0.0.1", 0);
        try (var taproot = dev.taproot.api.Taproot.over(config, store);
             var server = dev.taproot.api.http.TaprootServer.start(taproot, "127.0.0.1", 0)) {
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/drift")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
            assertThat(json.path("workloads").asInt()).isEqualTo(9);
            assertThat(json.path("versions").findValuesAsText("workload")).contains("payment", "currency");
            assertThat(json.path("configs").findValuesAsText("workload")).containsExactly("cart");
        }
    }

    @Test
    void aBadCompatibilityFileNamesTheEntryLineAndField() {
        assertThatThrownBy(() -> Compatibility.parse("compat.yaml", """
                compatibility:
                  - component: payment
                    version: "2.0"
                    breaksWith: {component: currency, version: "1.4"}
                  - component: cart
                    versoin: "1"
                """)).hasMessage("compat.yaml:6: compatibility[1].versoin: unknown field; known: breaksWith, component, note, version");
        assertThatThrownBy(() -> Compatibility.parse("compat.yaml", """
                compatibility:
                  - component: payment
                    version: "2.0"
                    breaksWith:
                      component: currency
                """)).hasMessage("compat.yaml:4: compatibility[0].breaksWith.version: required: a name or version as text");
        assertThatThrownBy(() -> Compatibility.parse("compat.yaml", "compatibility:\n  - component: a\n    version: '1'\n"))
                .hasMessage("compat.yaml:2: compatibility[0].breaksWith: required: {component, version}");
        assertThatThrownBy(() -> Compatibility.parse("compat.yaml", "pairs: []")).hasMessageContaining("'compatibility:' list");
    }
}
