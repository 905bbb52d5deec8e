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
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.web.AuthFilter;
import dev.taproot.api.security.Role;
import dev.taproot.graph.model.Feedback;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;

/**
 * {@code POST /api/v1/feedback}: "this past incident helped / did not" ({@code incident}, {@code helped})
 * or "this cause was right / wrong" ({@code cause}, {@code fault_type}, {@code correct}, and optionally the
 * {@code incident} it caused), with
 * {@code at} (default now), {@code analysis}, {@code comment}. Giving feedback needs role
 * {@code feedback} (or higher); the id is generated here and the author is the calling token's name,
 * so no body field can overwrite someone else's feedback or sign it with another name.
 * Helpful incidents rank higher in similar-incident search at once; confirmed causes become priors
 * ({@code GET /api/v1/feedback/priors?entity=KEY}); a confirmed cause that was a change with a version teaches
 * Taproot the version pairs it made (see {@link dev.taproot.api.drift.VersionKnowledge#learnFrom}).
 * {@code GET /api/v1/feedback?incident=ID} lists feedback.
 */
public final class FeedbackRoutes implements Routes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("incident", "helped", "cause", "fault_type", "faultType",
            "correct", "analysis", "at", "comment");
    /** The author recorded when the server runs with open access (no token names the caller). */
    public static final String OPEN_ACCESS_AUTHOR = "open-access";

    /** The role giving feedback needs, over REST and MCP alike. */
    public static final Role GIVES_FEEDBACK = Role.FEEDBACK;

    private final Taproot taproot;

    public FeedbackRoutes(Taproot taproot) {
        this.taproot = taproot;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config)
                .post("/api/v1/feedback", GIVES_FEEDBACK, RouteDoc.of("incidents",
                        "Feedback on a past incident or a cause; the author is the calling token")
                        .body("application/json", "{incident, helped} or {cause, fault_type, correct, optional incident}, optional at, analysis, comment"),
                        this::add)
                .get("/api/v1/feedback", Role.READ, RouteDoc.of("incidents", "The feedback given about one incident")
                        .query("incident", true, "incident id"), this::list)
                .get("/api/v1/feedback/priors", Role.READ, RouteDoc.of("incidents", "Cause priors from feedback per entity")
                        .query("entity", true, "entity key (repeatable)"), this::priors);
    }

    private void add(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badRequest("the body is not JSON: " + dev.taproot.graph.store.ErrorMessages.describe(e));
        }
        ApiToken token = ctx.attribute(AuthFilter.TOKEN_ATTRIBUTE);
        ctx.status(201).json(record(taproot, body, token == null ? OPEN_ACCESS_AUTHOR : token.name()));
    }

    /**
     * Records the feedback {@code body} describes (the fields above), authored by {@code author}, in the
     * incident memory: the one path REST and MCP share. Throws a 400/404 {@link Problem} naming the field.
     */
    public static Feedback record(Taproot taproot, JsonNode body, String author) {
        Feedback feedback = parse(body, author);
        if (feedback.incidentId() != null && taproot.store().incident(feedback.incidentId()).isEmpty()) {
            throw Problem.notFound("no incident with id '" + feedback.incidentId() + "'");
        }
        taproot.memory().feedback().add(feedback);
        taproot.versions().learnFrom(feedback);
        return feedback;
    }

    /** The feedback in {@code body}, authored by {@code author}, with a fresh server-side id. */
    static Feedback parse(JsonNode body, String author) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("expected a JSON object");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (f.equals("id") || f.equals("by")) {
                throw Problem.badRequest("field '" + f + "': not accepted; the server assigns the id and records the"
                        + " calling token's name as the author");
            }
            if (!FIELDS.contains(f)) {
                throw Problem.badRequest("field '" + f + "': unknown (fields: incident, helped, cause, fault_type, correct, analysis, at, comment)");
            }
        });
        String incident = text(body, "incident");
        String cause = text(body, "cause");
        if (incident == null && cause == null) {
            throw Problem.badRequest("give either incident (with helped) or cause (with correct, and optionally the incident it caused)");
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
        return new Feedback(UUID.randomUUID().toString(), kind, incident,
                cause, fault, text(body, "analysis"), author, at, text(body, "comment"));
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
