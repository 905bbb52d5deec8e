package dev.taproot.api.http;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.actions.ActionDesk;
import dev.taproot.api.actions.ActionException;
import dev.taproot.api.actions.ActionKind;
import dev.taproot.api.actions.ActionRequest;
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
 * Approval-gated Kubernetes actions. {@code POST /api/v1/actions} (role feedback) dry-runs an action
 * on the cluster and keeps it as a proposal; {@code POST /api/v1/actions/{id}/approve} (role admin)
 * runs it; {@code POST /api/v1/actions/{id}/reject} (feedback) declines it; {@code GET} shows one or
 * the latest. Who proposed and who approved are the calling tokens' names, never body fields.
 */
public final class ActionRoutes implements Routes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = JsonFields.of(ActionRequest.class);

    private final ActionDesk desk;

    public ActionRoutes(ActionDesk desk) {
        this.desk = desk;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config)
                .post("/api/v1/actions", Role.FEEDBACK, RouteDoc.of("actions",
                        "Propose a Kubernetes action: runs a server-side dry run and waits for an admin's approval")
                        .request(ActionRequest.class).response(ActionDesk.Action.class).status(201),
                        this::propose)
                .get("/api/v1/actions", Role.READ, RouteDoc.of("actions", "The latest proposed actions, newest first")
                        .responseList(ActionDesk.Action.class), this::recent)
                .get("/api/v1/actions/{id}", Role.READ, RouteDoc.of("actions", "One proposed action and what became of it")
                        .path("id", "action id").response(ActionDesk.Action.class), this::one)
                .post("/api/v1/actions/{id}/approve", Role.ADMIN, RouteDoc.of("actions",
                        "Approve and run a proposed action; recorded in the graph as a change")
                        .path("id", "action id").response(ActionDesk.Action.class), this::approve)
                .post("/api/v1/actions/{id}/reject", Role.FEEDBACK, RouteDoc.of("actions", "Decline a proposed action")
                        .path("id", "action id").response(ActionDesk.Action.class), this::reject);
    }

    private void propose(Context ctx) {
        ActionRequest request = parse(ctx.body());
        ctx.status(201).json(call(() -> desk.propose(request, caller(ctx))));
    }

    private void recent(Context ctx) {
        ctx.json(desk.recent(100));
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(desk.get(id).orElseThrow(() -> Problem.notFound("no proposed action with id '" + id + "'")));
    }

    private void approve(Context ctx) {
        String id = ctx.pathParam("id");
        if (ctx.attribute(AuthFilter.TOKEN_ATTRIBUTE) == null) {
            throw Problem.ofStatus(403, "approving an action needs an admin token; this server runs with open access");
        }
        ctx.json(call(() -> desk.approve(id, caller(ctx))));
    }

    private void reject(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(call(() -> desk.reject(id, caller(ctx))));
    }

    private static ActionDesk.Action call(java.util.function.Supplier<ActionDesk.Action> action) {
        try {
            return action.get();
        } catch (ActionException e) {
            throw Problem.ofStatus(e.status(), e.getMessage());
        }
    }

    /** The request in {@code body}; every mistake named by its field. */
    static ActionRequest parse(String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (Exception e) {
            throw Problem.badRequest("the body is not JSON: " + dev.taproot.graph.store.ErrorMessages.describe(e));
        }
        if (n == null || !n.isObject()) {
            throw Problem.badRequest("expected a JSON object with kind, namespace, target and reason");
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw Problem.badRequest("field '" + f + "': unknown; known: " + String.join(", ", FIELDS));
            }
        });
        if (n.has("replicas") && !n.get("replicas").canConvertToInt()) {
            throw Problem.badRequest("field 'replicas': must be a whole number");
        }
        try {
            return new ActionRequest(ActionKind.parse(text(n, "kind")), text(n, "namespace"), text(n, "target"),
                    n.has("replicas") ? n.get("replicas").intValue() : null, text(n, "reason"), text(n, "diagnosis"),
                    text(n, "incident"));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage().startsWith("unknown action") ? "field 'kind': " + e.getMessage() : e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw Problem.badRequest("field '" + field + "': must be a string");
        }
        return v.asText();
    }

    private static String caller(Context ctx) {
        ApiToken token = ctx.attribute(AuthFilter.TOKEN_ATTRIBUTE);
        return token == null ? FeedbackIntake.OPEN_ACCESS_AUTHOR : token.name();
    }
}
