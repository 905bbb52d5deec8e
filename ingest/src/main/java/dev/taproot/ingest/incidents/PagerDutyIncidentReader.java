package dev.taproot.ingest.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.graph.model.Incident;

/**
 * Reads PagerDuty incidents: a REST API list ({@code {"incidents": [...]}}, streamed one incident at a
 * time), a single incident ({@code {"incident": {...}}} or the bare object), an array of incidents, or
 * a V3 webhook envelope ({@code {"event": {"resource_type": "incident", "data": {...}}}}). Objects that
 * are not incidents (service events, notes, conference bridges) are rejected with their type.
 */
public final class PagerDutyIncidentReader implements IncidentReader {

    static final String FORMAT = "pagerduty";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final CountingInputStream counted;
    private final Deque<ParsedIncident> ready = new ArrayDeque<>();
    private JsonParser parser;
    private boolean inIncidentList;
    private boolean listInObject;
    private long index;
    private boolean done;

    public PagerDutyIncidentReader(String source, InputStream in) {
        this.source = source;
        this.counted = new CountingInputStream(in);
        try {
            this.parser = JSON.createParser(counted);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + dev.taproot.ingest.JsonProblems.describe(e), e);
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !done) {
            try {
                advance();
            } catch (IOException | RuntimeException e) {
                done = true;
                ready.add(reject(Math.max(index, 1), null, "malformed JSON: " + dev.taproot.graph.store.ErrorMessages.describe(e)));
            }
        }
        return !ready.isEmpty();
    }

    private void advance() throws IOException {
        if (inIncidentList) {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                inIncidentList = false;
                if (listInObject) {
                    // the fields after the list (limit, offset, more): paging metadata, not incidents
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        parser.nextToken();
                        parser.skipChildren();
                    }
                    listInObject = false;
                }
                return;
            }
            index++;
            ready.add(incidentOrReject(index, JSON.readTree(parser), "incidents[" + (index - 1) + "]"));
            return;
        }
        JsonToken t = parser.nextToken();
        if (t == null) {
            done = true;
            return;
        }
        if (t == JsonToken.START_ARRAY) {
            inIncidentList = true;
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            if (t == JsonToken.END_OBJECT) {
                return;
            }
            throw new IOException("expected an object or array, found " + t);
        }
        // a top-level object: stream its "incidents" array, read everything else as a tree
        var rest = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("incidents") && value == JsonToken.START_ARRAY) {
                inIncidentList = true;
                listInObject = true;
                return;
            }
            rest.set(name, JSON.readTree(parser));
        }
        index++;
        ready.add(topLevel(rest));
    }

    private ParsedIncident topLevel(JsonNode obj) {
        if (obj.has("event")) {
            JsonNode event = obj.get("event");
            String resource = event.path("resource_type").asText("");
            if (!resource.equals("incident")) {
                return reject(index, "event.resource_type", "not an incident event: '" + resource + "' ("
                        + event.path("event_type").asText("") + ")");
            }
            return incidentOrReject(index, withEvent(event.path("data"), event), "event.data");
        }
        if (obj.has("incident") && obj.get("incident").path("type").asText("").equals("incident")) {
            return incidentOrReject(index, obj.get("incident"), "incident");
        }
        return incidentOrReject(index, obj, null);
    }

    /** A resolved event tells who resolved it and when. */
    private static JsonNode withEvent(JsonNode data, JsonNode event) {
        if (!data.isObject()) {
            return data;
        }
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) data).deepCopy();
        if (event.path("event_type").asText("").equals("incident.resolved")) {
            copy.put("resolved_at", event.path("occurred_at").asText(null));
            copy.put("_resolved_by", event.path("agent").path("summary").asText(null));
        }
        return copy;
    }

    private ParsedIncident incidentOrReject(long n, JsonNode node, String path) {
        String type = node.path("type").asText("");
        if (!type.equals("incident")) {
            return reject(n, path == null ? "type" : path + ".type", "not an incident: type '" + type + "'");
        }
        try {
            return ParsedIncident.ok(n, toIncident(node));
        } catch (FieldException e) {
            return reject(n, (path == null ? "" : path + ".") + e.field(), dev.taproot.graph.store.ErrorMessages.describe(e));
        } catch (IllegalArgumentException e) {
            return reject(n, path, dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    static Incident toIncident(JsonNode pd) {
        String id = pd.path("id").asText("");
        if (id.isBlank()) {
            throw new FieldException("id", "is required");
        }
        String title = pd.path("title").asText(pd.path("summary").asText(""));
        if (title.isBlank()) {
            throw new FieldException("title", "is required");
        }
        var started = TaprootIncidentSchema.time(pd.get("created_at"), "created_at");
        var resolved = TaprootIncidentSchema.time(pd.get("resolved_at"), "resolved_at");
        if (resolved == null && pd.path("status").asText("").equals("resolved")) {
            resolved = TaprootIncidentSchema.time(pd.get("last_status_change_at"), "last_status_change_at");
        }
        var affected = new ArrayList<String>();
        if (pd.path("service").has("summary")) {
            affected.add(pd.path("service").path("summary").asText());
        }
        var tags = new ArrayList<String>();
        pd.path("teams").forEach(t -> tags.add(t.path("summary").asText()));
        if (pd.path("incident_type").has("name")) {
            tags.add(pd.path("incident_type").path("name").asText());
        }
        String resolvedBy = pd.path("_resolved_by").asText(null);
        if (resolvedBy == null && pd.path("assignees").size() > 0) {
            resolvedBy = pd.path("assignees").get(0).path("summary").asText(null);
        }
        String severity = pd.path("priority").path("summary").asText(pd.path("urgency").asText(null));
        var props = new LinkedHashMap<String, Object>();
        for (String f : List.of("status", "urgency", "incident_key")) {
            if (pd.hasNonNull(f)) {
                props.put(f, pd.get(f).asText());
            }
        }
        if (pd.hasNonNull("number")) {
            props.put("number", pd.get("number").asLong());
        }
        String description = pd.path("description").asText(pd.path("body").path("details").asText(""));
        List<String> links = pd.hasNonNull("html_url") ? List.of(pd.get("html_url").asText()) : List.of();
        return new Incident(id, title, description, started, resolved, severity, affected, null, null,
                pd.path("resolve_reason").isTextual() ? pd.get("resolve_reason").asText() : null, links, resolvedBy,
                tags, props, FORMAT);
    }

    private ParsedIncident reject(long n, String field, String reason) {
        return ParsedIncident.rejected(new RecordRejection(source, n, field, reason));
    }

    @Override
    public ParsedIncident next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // only reading
        }
    }
}
