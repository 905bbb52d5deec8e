package dev.taproot.ingest.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Times;
import dev.taproot.graph.model.WebLinks;

/**
 * The Taproot incident schema (version 1), one JSON object per incident. Field names are snake_case;
 * the camelCase spelling of each is accepted too. Unknown fields are refused, so a typo never loses
 * data silently. The README's "Incident memory" section documents it with an example.
 *
 * <pre>
 * id            string, required      stable id; re-importing the same id updates the incident
 * title         string, required      one-line summary
 * summary       string                longer text (alias: description)
 * started       time                  ISO-8601 with offset or Z, a date (UTC midnight), or epoch millis
 * resolved      time                  not before started
 * severity      string | number
 * services      [string]              affected entities, names or keys (aliases: entities, affected)
 * alerts        [string]              alert names that fired
 * root_cause    string | {entity, fault_type}
 * fault_type    string                when root_cause is a plain string
 * resolution    string                how it was fixed
 * runbook       string                runbook link
 * postmortem    string                postmortem link
 * links         [string]              further links
 * resolved_by   string                who resolved it
 * tags          [string]
 * changes       [string]              related changes (ids or descriptions)
 * properties    {string: scalar | [scalar]}
 * source        string                where it came from (default: the importer's format)
 * </pre>
 */
public final class TaprootIncidentSchema {

    /** Canonical field name for every accepted spelling. */
    private static final Map<String, String> FIELDS = fields();

    private TaprootIncidentSchema() {
    }

    private static Map<String, String> fields() {
        var m = new LinkedHashMap<String, String>();
        for (String f : List.of("id", "title", "summary", "started", "resolved", "severity", "services", "alerts",
                "root_cause", "fault_type", "resolution", "runbook", "postmortem", "links", "resolved_by", "tags",
                "changes", "properties", "source")) {
            m.put(f, f);
            m.put(camel(f), f);
        }
        m.put("description", "summary");
        m.put("entities", "services");
        m.put("affected", "services");
        m.put("started_at", "started");
        m.put("startedAt", "started");
        m.put("resolved_at", "resolved");
        m.put("resolvedAt", "resolved");
        return m;
    }

    private static String camel(String snake) {
        var sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /**
     * Converts one JSON object into an incident.
     *
     * @throws FieldException naming the field when a field is unknown, missing, of the wrong type or invalid
     */
    static Incident toIncident(JsonNode node, String defaultSource) {
        if (!(node instanceof ObjectNode obj)) {
            throw new FieldException(null, "expected a JSON object, found " + kind(node));
        }
        var seen = new LinkedHashMap<String, JsonNode>();
        for (var it = obj.fields(); it.hasNext(); ) {
            var e = it.next();
            String canonical = FIELDS.get(e.getKey());
            if (canonical == null) {
                throw new FieldException(e.getKey(), "unknown field (the Taproot incident schema has: "
                        + String.join(", ", new java.util.LinkedHashSet<>(FIELDS.values())) + ")");
            }
            if (seen.put(canonical, e.getValue()) != null) {
                throw new FieldException(e.getKey(), "given twice (as '" + canonical + "' and an alias)");
            }
        }
        String id = text(seen, "id", true, true);
        String title = text(seen, "title", true, false);
        String faultType = text(seen, "fault_type", false, false);
        String rootCause = null;
        JsonNode rc = seen.get("root_cause");
        if (rc != null && !rc.isNull()) {
            if (rc.isTextual()) {
                rootCause = blankToNull(rc.asText());
            } else if (rc.isObject()) {
                for (var it = rc.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!List.of("entity", "fault_type", "faultType").contains(f)) {
                        throw new FieldException("root_cause." + f, "unknown field (root_cause has entity, fault_type)");
                    }
                }
                rootCause = nested(rc, "entity", "root_cause.entity");
                String ft = rc.has("fault_type") ? nested(rc, "fault_type", "root_cause.fault_type")
                        : nested(rc, "faultType", "root_cause.fault_type");
                if (ft != null) {
                    if (faultType != null && !faultType.equals(ft)) {
                        throw new FieldException("fault_type", "disagrees with root_cause.fault_type");
                    }
                    faultType = ft;
                }
            } else {
                throw new FieldException("root_cause", "expected a string or an object {entity, fault_type}, found " + kind(rc));
            }
        }
        Instant started = time(seen.get("started"), "started");
        Instant resolved = time(seen.get("resolved"), "resolved");
        if (started != null && resolved != null && resolved.isBefore(started)) {
            throw new FieldException("resolved", "is before started (" + resolved + " < " + started + ")");
        }
        var links = new ArrayList<String>();
        String runbook = text(seen, "runbook", false, false);
        String postmortem = text(seen, "postmortem", false, false);
        if (runbook != null) {
            links.add(webLink(runbook, "runbook"));
        }
        if (postmortem != null) {
            links.add(webLink(postmortem, "postmortem"));
        }
        strings(seen.get("links"), "links").forEach(l -> links.add(webLink(l, "links")));
        var props = new LinkedHashMap<String, Object>(properties(seen.get("properties")));
        List<String> alerts = strings(seen.get("alerts"), "alerts");
        if (!alerts.isEmpty()) {
            props.put("alerts", alerts);
        }
        List<String> changes = strings(seen.get("changes"), "changes");
        if (!changes.isEmpty()) {
            props.put("changes", changes);
        }
        if (runbook != null) {
            props.put("runbook", runbook);
        }
        String source = text(seen, "source", false, false);
        try {
            return new Incident(id, title, text(seen, "summary", false, false), started, resolved,
                    text(seen, "severity", false, true), strings(seen.get("services"), "services"), rootCause, faultType,
                    text(seen, "resolution", false, false), links, text(seen, "resolved_by", false, false),
                    strings(seen.get("tags"), "tags"), props, source == null ? defaultSource : source);
        } catch (IllegalArgumentException e) {
            throw new FieldException("properties", dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    private static String webLink(String link, String field) {
        WebLinks.problem(link).ifPresent(p -> {
            throw new FieldException(field, p);
        });
        return link;
    }

    private static String text(Map<String, JsonNode> fields, String name, boolean required, boolean numberOk) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new FieldException(name, "is required");
            }
            return null;
        }
        if (v.isTextual() || (numberOk && v.isIntegralNumber())) {
            String s = v.asText().strip();
            if (required && s.isEmpty()) {
                throw new FieldException(name, "is required and was empty");
            }
            return s.isEmpty() ? null : s;
        }
        throw new FieldException(name, "expected a string, found " + kind(v));
    }

    private static String nested(JsonNode obj, String name, String path) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new FieldException(path, "expected a string, found " + kind(v));
        }
        return blankToNull(v.asText());
    }

    private static List<String> strings(JsonNode v, String name) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return blankToNull(v.asText()) == null ? List.of() : List.of(v.asText().strip());
        }
        if (!v.isArray()) {
            throw new FieldException(name, "expected an array of strings, found " + kind(v));
        }
        var out = new ArrayList<String>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) {
                throw new FieldException(name + "[" + i + "]", "expected a string, found " + kind(item));
            }
            if (!item.asText().isBlank()) {
                out.add(item.asText().strip());
            }
        }
        return out;
    }

    private static Map<String, Object> properties(JsonNode v) {
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new FieldException("properties", "expected an object, found " + kind(v));
        }
        var out = new LinkedHashMap<String, Object>();
        for (var it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode p = e.getValue();
            String field = "properties." + e.getKey();
            if (p.isTextual()) {
                out.put(e.getKey(), p.asText());
            } else if (p.isIntegralNumber()) {
                out.put(e.getKey(), p.asLong());
            } else if (p.isNumber()) {
                out.put(e.getKey(), p.asDouble());
            } else if (p.isBoolean()) {
                out.put(e.getKey(), p.asBoolean());
            } else if (p.isArray()) {
                out.put(e.getKey(), strings(p, field));
            } else if (!p.isNull()) {
                throw new FieldException(field, "expected a string, number, boolean or array of strings, found " + kind(p));
            }
        }
        return out;
    }

    /** Parses a time field: ISO-8601 with offset, a date (UTC midnight) or epoch milliseconds. */
    static Instant time(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return inRange(Instant.ofEpochMilli(v.asLong()), field);
        }
        if (!v.isTextual()) {
            throw new FieldException(field, "expected an ISO-8601 time, found " + kind(v));
        }
        return inRange(parseTime(v.asText(), field), field);
    }

    private static Instant inRange(Instant t, String field) {
        if (t != null && (t.isBefore(Times.EARLIEST_INCIDENT) || t.isAfter(Times.LATEST))) {
            throw new FieldException(field, t + " is outside " + Times.EARLIEST_INCIDENT + " .. " + Times.LATEST);
        }
        return t;
    }

    static Instant parseTime(String raw, String field) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new FieldException(field, "not an ISO-8601 time (e.g. 2024-03-01T10:00:00Z): '"
                            + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'");
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        return v.isObject() ? "an object" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
