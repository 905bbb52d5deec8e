package dev.taproot.api.feedback;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.Taproot;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.Problem;
import dev.taproot.graph.model.Feedback;

/**
 * Takes feedback from people, whichever surface it arrives on (REST {@code POST /api/v1/feedback}, the MCP
 * tool): reads and checks the body, stores it in the incident memory and lets the version knowledge learn
 * from it. The fields are those {@code FeedbackRoutes} documents.
 */
public final class FeedbackIntake {

    private static final Set<String> FIELDS = Set.of("incident", "helped", "cause", "fault_type", "faultType",
            "correct", "analysis", "at", "comment");
    /** The author recorded when the server runs with open access (no token names the caller). */
    public static final String OPEN_ACCESS_AUTHOR = "open-access";

    /** The role giving feedback needs, over REST and MCP alike. */
    public static final Role GIVES_FEEDBACK = Role.FEEDBACK;

    private FeedbackIntake() {
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
    public static Feedback parse(JsonNode body, String author) {
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
}
