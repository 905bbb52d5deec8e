package dev.taproot.api.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.graph.model.Feedback;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/v1/feedback}: "this past incident helped / did not" ({@code incident}, {@code helped})
 * or "this cause was right / wrong" ({@code cause}, {@code fault_type}, {@code correct}), with
 * {@code by} (required), {@code at} (default now), {@code analysis}, {@code comment}, {@code id}.
 * Helpful incidents rank higher in similar-incident search at once; confirmed causes become priors
 * ({@code GET /api/v1/feedback/priors?entity=KEY}). {@code GET /api/v1/feedback?incident=ID} lists feedback.
 */
public final class FeedbackRoutes implements Routes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "incident", "helped", "cause", "fault_type", "faultType",
            "correct", "analysis", "by", "at", "comment");

    private final Taproot taproot;

    public FeedbackRoutes(Taproot taproot) {
        this.taproot = taproot;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/v1/feedback", this::add);
        config.routes.get("/api/v1/feedback", this::list);
        config.routes.get("/api/v1/feedback/priors", this::priors);
    }

    private void add(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badRequest("the body is not JSON: " + e.getMessage());
        }
        Feedback feedback = parse(body);
        if (feedback.incidentId() != null && taproot.store().incident(feedback.incidentId()).isEmpty()) {
            throw Problem.notFound("no incident with id '" + feedback.incidentId() + "'");
        }
        taproot.memory().feedback().add(feedback);
        ctx.status(201).json(feedback);
    }

    static Feedback parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("expected a JSON object");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw Problem.badRequest("field '" + f + "': unknown (fields: incident, helped, cause, fault_type, correct, analysis, by, at, comment, id)");
            }
        });
        String incident = text(body, "incident");
        String cause = text(body, "cause");
        if ((incident == null) == (cause == null) && !(incident != null && body.has("helped"))) {
            throw Problem.badRequest("give either incident (with helped) or cause (with correct)");
        }
        Feedback.Kind kind;
        if (body.has("helped")) {
            kind = bool(body, "helped") ? Feedback.Kind.HELPED : Feedback.Kind.NOT_HELPED;
            if (incident == null) {
                throw Problem.badRequest("field 'incident': required with helped");
            }
        } else if (body.has("correct")) {
            kind = bool(body, "correct") ? Feedback.Kind.CAUSE_CONFIRMED : Feedback.Kind.CAUSE_REJECTED;
            if (cause == null) {
                throw Problem.badRequest("field 'cause': required with correct");
            }
        } else {
            throw Problem.badRequest(incident != null ? "field 'helped': required (true or false)"
                    : "field 'correct': required (true or false)");
        }
        String by = text(body, "by");
        if (by == null) {
            throw Problem.badRequest("field 'by': required (who gives the feedback)");
        }
        Instant at = Instant.now();
        String atText = text(body, "at");
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                throw Problem.badRequest("field 'at': not an ISO-8601 instant: '" + atText + "'");
            }
        }
        String fault = text(body, "fault_type") != null ? text(body, "fault_type") : text(body, "faultType");
        String id = text(body, "id") != null ? text(body, "id") : UUID.randomUUID().toString();
        return new Feedback(id, kind, incident,
                cause, fault, text(body, "analysis"), by, at, text(body, "comment"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw Problem.badRequest("field '" + field + "': expected a string");
        }
        return v.asText().isBlank() ? null : v.asText().strip();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isBoolean()) {
            throw Problem.badRequest("field '" + field + "': expected true or false");
        }
        return v.asBoolean();
    }

    private void list(Context ctx) {
        String incident = ctx.queryParam("incident");
        if (incident == null || incident.isBlank()) {
            throw Problem.badRequest("give incident=ID");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("incident", incident);
        body.put("feedback", taproot.memory().feedback().about(incident));
        ctx.json(body);
    }

    private void priors(Context ctx) {
        List<String> entities = IncidentRoutes.multi(ctx, "entity");
        if (entities.isEmpty()) {
            throw Problem.badRequest("give entity=KEY (repeatable)");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("priors", taproot.store().causePriors(entities));
        ctx.json(body);
    }
}
