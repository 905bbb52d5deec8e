package dev.taproot.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;

class BackstageCatalogIngestorTest {

    @Test
    @SuppressWarnings("unchecked")
    void theWholeCatalogIsReadAndOnlyTrulyMissingReferencesStayUnresolved() throws Exception {
        Path root = SharedData.require("backstage-catalog");
        // independently: kinds defined, and references to entities no file defines
        var kinds = new TreeMap<String, Integer>();
        var defined = new HashSet<String>();
        var referenced = new HashSet<String>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            for (Object o : new Yaml().loadAll(Files.readString(f))) {
                var doc = (Map<String, Object>) o;
                String kind = doc.get("kind").toString();
                kinds.merge(kind, 1, Integer::sum);
                defined.add(new EntityRef(kind.toLowerCase(), "default",
                        ((Map<String, Object>) doc.get("metadata")).get("name").toString()).key());
                var spec = (Map<String, Object>) doc.getOrDefault("spec", Map.of());
                for (var field : Map.of("system", "system", "domain", "domain", "subcomponentOf", "component")
                        .entrySet()) {
                    if (spec.get(field.getKey()) != null) {
                        referenced.add(EntityRef.parse(spec.get(field.getKey()).toString(), field.getValue()).key());
                    }
                }
                for (var field : Map.of("dependsOn", "component", "providesApis", "api", "consumesApis", "api")
                        .entrySet()) {
                    for (Object r : (List<Object>) spec.getOrDefault(field.getKey(), List.of())) {
                        referenced.add(EntityRef.parse(r.toString(), field.getValue()).key());
                    }
                }
            }
        }
        var dangling = new HashSet<>(referenced);
        dangling.removeAll(defined);
        assertThat(dangling).isNotEmpty(); // the README says some references point at absent entities

        GraphStore store = TestStores.emptyEmbedded();
        var service = new IngestService(store, StandardIngestors.registry());
        var errors = new ArrayList<String>();
        List<IngestReport> reports = service.ingestPlanned(service.plan(List.of(root), errors::add), Instant.now(),
                p -> {
                    if (p.error() != null) {
                        errors.add(p.error());
                    }
                });
        assertThat(errors).isEmpty();
        assertThat(reports).hasSize(files.size()).allMatch(r -> r.format().equals("catalog") && r.rejected().isEmpty());
        var accepted = new TreeMap<String, Integer>();
        reports.forEach(r -> r.accepted().forEach((k, v) -> {
            if (!k.equals("Unresolved reference")) {
                accepted.merge(k, v, Integer::sum);
            }
        }));
        assertThat(accepted).isEqualTo(kinds);

        Set<String> unresolved = new HashSet<>();
        store.entities("Unresolved", 1000).forEach(e -> unresolved.add(e.key()));
        assertThat(unresolved).isEqualTo(dangling);
        assertThat(reports.stream().flatMap(r -> r.notes().stream()))
                .anyMatch(n -> n.startsWith("unresolved catalog reference " + dangling.iterator().next()));

        Entity artistLookup = store.entity("service/artist-lookup").orElseThrow();
        assertThat(artistLookup.type()).isEqualTo("Service");
        assertThat(artistLookup.aliases()).contains("component:default/artist-lookup");
        assertThat(store.entity("resource/artists-db").orElseThrow().type()).isEqualTo("Database");
        assertThat(store.relationshipsOf("service/artist-lookup")).anyMatch(r -> r.type().equals("DEPENDS_ON")
                && r.toKey().equals("resource/artists-db"));
        assertThat(store.relationshipsOf("service/artist-lookup")).anyMatch(r -> r.type().equals("OWNED_BY")
                && r.toKey().equals("team/team-a"));
    }
}
