package dev.taproot.ingest.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.ManifestReader;

/**
 * Backstage catalog entities ({@code catalog-info.yaml}, {@code apiVersion: backstage.io/...}):
 * Component (a logical service), System, Domain, Resource (database, cache, queue), API and Group.
 * Relations: {@code system}/{@code domain}/{@code subcomponentOf} -> PART_OF, {@code owner} -> OWNED_BY,
 * {@code dependsOn} -> DEPENDS_ON, {@code providesApis} / {@code consumesApis} -> PROVIDES_API / CONSUMES_API.
 * A reference to an entity neither this input nor the graph holds is kept as an {@code Unresolved}
 * placeholder (which the real entity replaces when it arrives) and reported.
 */
public final class BackstageCatalogIngestor implements Ingestor {

    public static final String FORMAT = "catalog";

    private static final Set<String> KINDS = Set.of("component", "system", "domain", "resource", "api", "group",
            "user", "location", "template");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName();
        return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.equals("request"))
                && input.head(8192).contains("backstage.io/");
    }

    @Override
    public boolean describesTopology() {
        return true;
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        var result = new IngestResult.Builder(FORMAT, input.name());
        var references = new LinkedHashMap<String, List<String>>(); // key -> where referenced
        var defined = new LinkedHashSet<String>();
        for (ManifestReader.Document d : ManifestReader.documents(input)) {
            if (d.tree() == null) {
                continue;
            }
            String where = "document " + d.index() + " (line " + d.line() + ")";
            try {
                one(d.tree(), where, writer, result, references, defined);
            } catch (IllegalArgumentException e) {
                result.reject(where, dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        for (var ref : references.entrySet()) {
            String key = ref.getKey();
            if (defined.contains(key) || writer.written(key).isPresent() && !isPlaceholder(writer.written(key).get())
                    || writer.resolver().candidates(key).stream().anyMatch(e -> e.key().equals(key))) {
                continue;
            }
            String name = key.substring(key.indexOf('/') + 1);
            writer.entity(new Entity(key, EntityTypes.UNRESOLVED, name, Map.of("reference", key), Set.of(), null, null));
            result.accept("Unresolved reference");
            writer.note("unresolved catalog reference " + key + " (from " + String.join(", ", ref.getValue())
                    + "): kept as a placeholder until an entity of that name is ingested");
        }
        return result.build();
    }

    private static boolean isPlaceholder(Entity e) {
        return EntityTypes.UNRESOLVED.equals(e.type());
    }

    private static void one(JsonNode doc, String where, GraphWriter writer, IngestResult.Builder result,
                            Map<String, List<String>> references, Set<String> defined) {
        String apiVersion = Json.text(doc, "apiVersion");
        String kind = Json.text(doc, "kind");
        String name = Json.text(doc, "metadata", "name");
        if (apiVersion == null || !apiVersion.startsWith("backstage.io/")) {
            throw new IllegalArgumentException("apiVersion '" + apiVersion + "' is not a Backstage catalog version");
        }
        if (kind == null || !KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("kind '" + kind + "' is not a catalog kind");
        }
        if (name == null) {
            throw new IllegalArgumentException(kind + ": field 'metadata.name' is missing");
        }
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.equals("location") || lower.equals("template") || lower.equals("user")) {
            writer.note("catalog " + kind + " " + name + " ignored (not part of the topology)");
            return;
        }
        String ns = Json.text(doc, "metadata", "namespace");
        var self = new EntityRef(lower, ns == null ? "default" : ns, name);
        JsonNode spec = Json.at(doc, "spec");
        var props = new LinkedHashMap<String, Object>();
        props.put("catalogKind", kind);
        putIfText(props, "description", Json.text(doc, "metadata", "description"));
        putIfText(props, "specType", Json.text(spec, "type"));
        putIfText(props, "lifecycle", Json.text(spec, "lifecycle"));
        var tags = new ArrayList<String>();
        Json.elements(Json.at(doc, "metadata", "tags")).forEach(t -> tags.add(t.asText()));
        if (!tags.isEmpty()) {
            props.put("tags", tags);
        }
        var links = new ArrayList<String>();
        Json.elements(Json.at(doc, "metadata", "links")).forEach(l -> {
            if (Json.text(l, "url") != null) {
                links.add(Json.text(l, "url"));
            }
        });
        if (!links.isEmpty()) {
            props.put("links", links);
        }
        writer.entity(new Entity(self.key(), type(lower, Json.text(spec, "type")), name, props, Set.of(self.full()),
                null, null));
        defined.add(self.key());
        result.accept(kind);

        link(self, RelationshipTypes.PART_OF, Json.text(spec, "system"), "system", where, writer, references);
        link(self, RelationshipTypes.PART_OF, Json.text(spec, "domain"), "domain", where, writer, references);
        link(self, RelationshipTypes.PART_OF, Json.text(spec, "subcomponentOf"), "component", where, writer, references);
        link(self, RelationshipTypes.PART_OF, Json.text(spec, "parent"), "group", where, writer, references);
        String owner = Json.text(spec, "owner");
        if (owner != null) {
            EntityRef team = EntityRef.parse(owner, "group");
            writer.entity(new Entity(team.key(), EntityTypes.TEAM, team.name(), Map.of("catalogKind", "Group"),
                    Set.of(team.full()), null, null));
            writer.relationship(Relationship.of(RelationshipTypes.OWNED_BY, self.key(), team.key()));
        }
        for (JsonNode d : Json.elements(spec.get("dependsOn"))) {
            link(self, RelationshipTypes.DEPENDS_ON, d.asText(), "component", where, writer, references);
        }
        for (JsonNode a : Json.elements(spec.get("providesApis"))) {
            link(self, RelationshipTypes.PROVIDES_API, a.asText(), "api", where, writer, references);
        }
        for (JsonNode a : Json.elements(spec.get("consumesApis"))) {
            link(self, RelationshipTypes.CONSUMES_API, a.asText(), "api", where, writer, references);
        }
    }

    private static void link(EntityRef from, String type, String ref, String defaultKind, String where,
                             GraphWriter writer, Map<String, List<String>> references) {
        if (ref == null || ref.isBlank()) {
            return;
        }
        EntityRef to = EntityRef.parse(ref, defaultKind);
        writer.relationship(Relationship.of(type, from.key(), to.key()));
        references.computeIfAbsent(to.key(), k -> new ArrayList<>()).add(where + " " + from.full());
    }

    private static String type(String kind, String specType) {
        String st = specType == null ? "" : specType.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "component" -> EntityTypes.SERVICE;
            case "system" -> EntityTypes.SYSTEM;
            case "domain" -> EntityTypes.DOMAIN;
            case "api" -> EntityTypes.API;
            case "group" -> EntityTypes.TEAM;
            case "resource" -> st.contains("database") || st.equals("db") ? EntityTypes.DATABASE
                    : st.contains("cache") ? EntityTypes.CACHE
                    : st.contains("queue") || st.contains("topic") ? EntityTypes.QUEUE : EntityTypes.RESOURCE;
            default -> EntityTypes.RESOURCE;
        };
    }

    private static void putIfText(Map<String, Object> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
