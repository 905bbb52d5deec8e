package dev.taproot.ingest.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which CSV column holds which field of the {@link TaprootIncidentSchema}. Presets for Jira and
 * ServiceNow exports; any other export is mapped with {@code field=Column} pairs.
 *
 * @param name    the preset name or {@code custom}
 * @param columns schema field -> column header
 */
public record CsvColumnMapping(String name, Map<String, String> columns) {

    /** Fields a column may map to. */
    public static final Set<String> FIELDS = Set.of("id", "title", "summary", "started", "resolved", "severity",
            "services", "alerts", "root_cause", "fault_type", "resolution", "runbook", "postmortem", "resolved_by",
            "tags", "changes");

    /** Jira issue export (the "Resolution notes" and "Root cause" custom fields are common names). */
    public static final CsvColumnMapping JIRA = new CsvColumnMapping("jira", ordered(
            "id", "Issue key", "title", "Summary", "summary", "Description", "started", "Created",
            "resolved", "Resolved", "severity", "Priority", "services", "Component/s", "tags", "Labels",
            "resolved_by", "Assignee", "resolution", "Custom field (Resolution notes)",
            "root_cause", "Custom field (Root cause)"));

    /** ServiceNow incident table export. */
    public static final CsvColumnMapping SERVICENOW = new CsvColumnMapping("servicenow", ordered(
            "id", "number", "title", "short_description", "summary", "description", "started", "opened_at",
            "resolved", "resolved_at", "severity", "priority", "services", "cmdb_ci", "tags", "category",
            "resolved_by", "resolved_by", "resolution", "close_notes", "root_cause", "caused_by"));

    /** Columns named as the schema's fields. */
    public static final CsvColumnMapping TAPROOT = new CsvColumnMapping("taproot",
            FIELDS.stream().collect(java.util.stream.Collectors.toMap(f -> f, f -> f)));

    public CsvColumnMapping {
        columns = Map.copyOf(columns);
        for (String field : columns.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("CSV mapping: unknown field '" + field + "' (fields: "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        if (!columns.containsKey("id") || !columns.containsKey("title")) {
            throw new IllegalArgumentException("CSV mapping must map id and title");
        }
    }

    /** {@code jira}, {@code servicenow}, {@code taproot}, or {@code field=Column,field=Column...}. */
    public static CsvColumnMapping parse(String spec) {
        switch (spec.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "jira":
                return JIRA;
            case "servicenow":
                return SERVICENOW;
            case "taproot":
                return TAPROOT;
            default:
                break;
        }
        var m = new LinkedHashMap<String, String>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("CSV mapping: expected field=Column, got '" + pair.strip() + "'");
            }
            m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return new CsvColumnMapping("custom", m);
    }

    /** The preset whose id and title columns the header has, or null. */
    public static CsvColumnMapping detect(List<String> header) {
        for (CsvColumnMapping m : List.of(JIRA, SERVICENOW, TAPROOT)) {
            if (header.contains(m.columns.get("id")) && header.contains(m.columns.get("title"))) {
                return m;
            }
        }
        return null;
    }

    private static Map<String, String> ordered(String... kv) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
