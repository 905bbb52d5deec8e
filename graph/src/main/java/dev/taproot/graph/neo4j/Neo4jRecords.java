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

/** Maps model records to Cypher parameters and driver values back to records. Times are epoch millis. */
final class Neo4jRecords {

    private static final Set<String> ENTITY_FIELDS = Set.of("key", "type", "name", "aliases", "firstSeen", "lastSeen");
    private static final Set<String> SIGNAL_FIELDS = Set.of("key", "type", "name", "entityKey", "severity", "start",
            "end", "source");
    private static final Set<String> INCIDENT_FIELDS = Set.of("id", "title", "description", "started", "resolved",
            "severity", "affected", "rootCause", "faultType", "resolution", "links", "resolvedBy", "tags", "source");

    private Neo4jRecords() {
    }

    static Long millis(Instant t) {
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
        Map<String, Object> all = n.asMap();
        Set<String> aliases = new LinkedHashSet<>(strings(n.get("aliases")));
        return new Entity(n.get("key").asString(), n.get("type").asString(), n.get("name").asString(null),
                extra(all, ENTITY_FIELDS), aliases, instant(n.get("firstSeen")), instant(n.get("lastSeen")));
    }

    static Relationship relationship(String from, String to, org.neo4j.driver.types.Relationship r) {
        Map<String, Object> all = r.asMap();
        return new Relationship(r.type(), from, to, extra(all, Set.of("validFrom", "validTo")),
                instant(r.get("validFrom")), instant(r.get("validTo")));
    }

    static Signal signal(Node n) {
        Map<String, Object> all = n.asMap();
        return new Signal(n.get("key").asString(), n.get("type").asString(), n.get("entityKey").asString(),
                n.get("name").asString(null), Severity.valueOf(n.get("severity").asString("WARNING")),
                instant(n.get("start")), instant(n.get("end")), extra(all, SIGNAL_FIELDS), n.get("source").asString(null));
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
