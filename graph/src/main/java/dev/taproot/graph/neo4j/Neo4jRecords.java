package dev.taproot.graph.neo4j;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;

/**
 * Maps model records to Cypher parameters and driver values back to records. Times are epoch millis.
 * The mappings from stored properties are public for the in-process reads of {@code taproot-graph-embedded}.
 */
public final class Neo4jRecords {

    private static final Set<String> ENTITY_FIELDS = Set.of("key", "type", "name", "aliases", "firstSeen", "lastSeen");
    private static final Set<String> SIGNAL_FIELDS = Set.of("key", "type", "name", "entityKey", "severity", "start",
            "end", "source");
    private static final Set<String> INCIDENT_FIELDS = Set.of("id", "title", "description", "started", "resolved",
            "severity", "affected", "rootCause", "faultType", "resolution", "links", "resolvedBy", "tags", "source");

    private Neo4jRecords() {
    }

    /** Rows in chunks of at most {@code size}. */
    static <T> List<List<T>> chunks(int size, List<T> rows) {
        var out = new ArrayList<List<T>>();
        for (int i = 0; i < rows.size(); i += size) {
            out.add(rows.subList(i, Math.min(rows.size(), i + size)));
        }
        return out;
    }

    /** A relationship identity ({@code from|TYPE|to}) as a row of the close statement. */
    static Map<String, Object> identityRow(String identity) {
        String[] parts = identity.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a relationship identity (from|TYPE|to): " + identity);
        }
        return Map.of("from", parts[0], "type", parts[1], "to", parts[2]);
    }

    public static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static Instant instant(Value v) {
        return v == null || v.isNull() ? null : Instant.ofEpochMilli(v.asLong());
    }

    static Map<String, Object> entityRow(Entity e) {
        var row = new HashMap<String, Object>();
        row.put("key", e.key());
        row.put("type", e.type());
        row.put("name", e.name());
        row.put("nameLower", e.name().toLowerCase(java.util.Locale.ROOT));
        row.put("aliases", List.copyOf(new java.util.TreeSet<>(e.aliases())));
        row.put("aliasesLower", e.aliases().stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).sorted().distinct().toList());
        row.put("firstSeen", millis(e.firstSeen()));
        row.put("lastSeen", millis(e.lastSeen()));
        row.put("props", e.properties());
        return row;
    }

    static Map<String, Object> relationshipRow(Relationship r) {
        var row = new HashMap<String, Object>();
        row.put("type", r.type());
        row.put("from", r.fromKey());
        row.put("to", r.toKey());
        row.put("validFrom", millis(r.validFrom()));
        row.put("validTo", millis(r.validTo()));
        row.put("props", r.properties());
        return row;
    }

    static Map<String, Object> signalRow(Signal s) {
        var row = new HashMap<String, Object>();
        row.put("key", s.key());
        row.put("type", s.type());
        row.put("name", s.name());
        row.put("entityKey", s.entityKey());
        row.put("severity", s.severity().name());
        row.put("start", millis(s.start()));
        row.put("end", millis(s.end()));
        row.put("source", s.source());
        row.put("attrs", s.attributes());
        return row;
    }

    static Map<String, Object> incidentRow(Incident i) {
        var row = new HashMap<String, Object>();
        row.put("id", i.id());
        row.put("title", i.title());
        row.put("description", i.description());
        row.put("started", millis(i.started()));
        row.put("resolved", millis(i.resolved()));
        row.put("severity", i.severity());
        row.put("affected", i.affected());
        row.put("affectedLower", i.affected().stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList());
        row.put("rootCause", i.rootCause());
        row.put("rootCauseLower", i.rootCause() == null ? null : i.rootCause().toLowerCase(java.util.Locale.ROOT));
        row.put("faultType", i.faultType());
        row.put("resolution", i.resolution());
        row.put("links", i.links());
        row.put("resolvedBy", i.resolvedBy());
        row.put("tags", i.tags());
        row.put("source", i.source());
        row.put("props", i.properties());
        return row;
    }

    static Entity entity(Node n) {
        return entity(n.asMap());
    }

    /** An entity from its stored properties (driver maps hold lists; in-process maps hold arrays). */
    public static Entity entity(Map<String, Object> stored) {
        Map<String, Object> all = listsForArrays(stored);
        Set<String> aliases = new LinkedHashSet<>(stringList(all.get("aliases")));
        return new Entity((String) all.get("key"), (String) all.get("type"), (String) all.get("name"),
                extra(all, ENTITY_FIELDS), aliases, instant(all.get("firstSeen")), instant(all.get("lastSeen")));
    }

    static Relationship relationship(String from, String to, org.neo4j.driver.types.Relationship r) {
        return relationship(r.type(), from, to, r.asMap());
    }

    /** A relationship from its type, ends and stored properties. */
    public static Relationship relationship(String type, String from, String to, Map<String, Object> stored) {
        Map<String, Object> all = listsForArrays(stored);
        return new Relationship(type, from, to, extra(all, Set.of("validFrom", "validTo")),
                instant(all.get("validFrom")), instant(all.get("validTo")));
    }

    static Signal signal(Node n) {
        return signal(n.asMap());
    }

    /** A signal from its stored properties. */
    public static Signal signal(Map<String, Object> stored) {
        Map<String, Object> all = listsForArrays(stored);
        Object severity = all.get("severity");
        return new Signal((String) all.get("key"), (String) all.get("type"), (String) all.get("entityKey"),
                (String) all.get("name"), severity == null ? Severity.WARNING : Severity.valueOf(severity.toString()),
                instant(all.get("start")), instant(all.get("end")), extra(all, SIGNAL_FIELDS), (String) all.get("source"));
    }

    private static Instant instant(Object v) {
        return v instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
    }

    private static List<String> stringList(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** In-process property maps hold Java arrays for list properties; the model wants lists. */
    private static Map<String, Object> listsForArrays(Map<String, Object> stored) {
        var out = new LinkedHashMap<String, Object>(stored.size() * 2);
        stored.forEach((k, v) -> {
            if (v != null && v.getClass().isArray()) {
                int n = java.lang.reflect.Array.getLength(v);
                var list = new ArrayList<Object>(n);
                for (int i = 0; i < n; i++) {
                    list.add(java.lang.reflect.Array.get(v, i));
                }
                out.put(k, list);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    static Incident incident(Node n) {
        Map<String, Object> all = n.asMap();
        return new Incident(n.get("id").asString(), n.get("title").asString(null), n.get("description").asString(null),
                instant(n.get("started")), instant(n.get("resolved")), n.get("severity").asString(null),
                strings(n.get("affected")), n.get("rootCause").asString(null), n.get("faultType").asString(null),
                n.get("resolution").asString(null), strings(n.get("links")), n.get("resolvedBy").asString(null),
                strings(n.get("tags")), extra(all, INCIDENT_FIELDS), n.get("source").asString(null));
    }

    private static List<String> strings(Value v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        return new ArrayList<>(v.asList(Value::asString));
    }

    private static Map<String, Object> extra(Map<String, Object> all, Set<String> fields) {
        var props = new LinkedHashMap<String, Object>();
        all.forEach((k, v) -> {
            if (!fields.contains(k) && !k.startsWith("_")) {
                props.put(k, v);
            }
        });
        return props;
    }
}
