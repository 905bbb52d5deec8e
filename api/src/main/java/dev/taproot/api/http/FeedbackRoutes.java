package dev.taproot.api.http;

import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.feedback.FeedbackIntake;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.AuthFilter;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

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
    private final Taproot taproot;

    public FeedbackRoutes(Taproot taproot) {
        this.taproot = taproot;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config)
                .post("/api/v1/feedback", FeedbackIntake.GIVES_FEEDBACK, RouteDoc.of("incidents",
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
        ctx.status(201).json(FeedbackIntake.record(taproot, body, token == null ? FeedbackIntake.OPEN_ACCESS_AUTHOR : token.name()));
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
