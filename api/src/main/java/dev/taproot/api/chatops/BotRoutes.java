package dev.taproot.api.chatops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.BoundedBody;
import dev.taproot.api.web.Json;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Chat front ends other than Slack: Mattermost slash commands (checked against the command's token,
 * answered in Mattermost's response format, with Confirm/Wrong buttons when {@link MattermostActions}
 * are configured), the clicks on those buttons (checked against the button's signed context), and a
 * plain JSON webhook for any other bot (bearer token, role read).
 */
public final class BotRoutes implements Routes {

    private final ChatResponder responder;
    private final String mattermostToken;
    private final MattermostActions actions;
    private final FeedbackSink feedback;

    public BotRoutes(ChatResponder responder, String mattermostToken) {
        this(responder, mattermostToken, null, f -> { });
    }

    public BotRoutes(ChatResponder responder, String mattermostToken, MattermostActions actions, FeedbackSink feedback) {
        this.responder = responder;
        this.mattermostToken = mattermostToken;
        this.actions = actions;
        this.feedback = feedback;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config)
                .post("/api/v1/chatops/mattermost", Role.PUBLIC, RouteDoc.of("chatops",
                        "Mattermost slash command (checked against the command token)")
                        .body("application/x-www-form-urlencoded", "Mattermost's slash command payload"), this::mattermost)
                .post(MattermostActions.PATH, Role.PUBLIC, RouteDoc.of("chatops",
                        "Mattermost button clicks: Confirm cause / Wrong cause (checked against the button's signed context)")
                        .body("application/json", "Mattermost's interactive message action payload"), this::mattermostAction)
                .post("/api/v1/chatops/webhook", Role.READ, RouteDoc.of("chatops",
                        "Plain JSON bot webhook: {\"text\": \"why cartservice\"} -> the answer as JSON")
                        .body("application/json", "{\"text\": \"<command> <argument>\"}"), this::webhook);
    }

    private void mattermost(Context ctx) {
        if (mattermostToken == null) {
            throw new Problem(503, "Service unavailable", "Mattermost is not configured (set TAPROOT_MATTERMOST_TOKEN)");
        }
        Map<String, String> form = FormBody.parse(BoundedBody.read(ctx, ChatOpsConfig.MAX_BODY_BYTES));
        String token = form.getOrDefault("token", "");
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), mattermostToken.getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(401, "Unauthorized", "the Mattermost command token does not match");
        }
        ChatAnswer answer = responder.answer(ChatCommand.parse(form.get("text")), form.getOrDefault("command", "/taproot"));
        ctx.json(MattermostFormat.message(answer, actions));
    }

    private void mattermostAction(Context ctx) {
        if (actions == null) {
            throw new Problem(503, "Service unavailable",
                    "Mattermost buttons are not configured (set the Mattermost token and http.publicUrl)");
        }
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = Json.mapper().readTree(BoundedBody.read(ctx, ChatOpsConfig.MAX_BODY_BYTES));
        } catch (java.io.IOException e) {
            throw Problem.badRequest("the body is not JSON: expected Mattermost's action payload");
        }
        var context = body == null ? null : body.path("context");
        String action = context == null ? null : context.path("action").asText(null);
        String analysis = context == null ? null : context.path("analysis").asText(null);
        String subject = context == null ? null : context.path("subject").asText(null);
        if (!actions.verify(action, analysis, subject, context == null ? null : context.path("sig").asText(null))) {
            throw new Problem(401, "Unauthorized", "the action's context is not one Taproot signed");
        }
        String kind = SlackBlocks.CONFIRM.equals(action) ? "confirm-cause" : SlackBlocks.WRONG.equals(action) ? "wrong-cause" : null;
        if (kind == null) {
            throw Problem.badRequest("unknown action '" + action + "'");
        }
        String user = body.path("user_id").asText("?") + ":" + body.path("user_name").asText("");
        feedback.record(new FeedbackSink.ChatFeedback(kind, analysis, subject, user, "mattermost", java.time.Instant.now()));
        String said = kind.equals("confirm-cause") ? "confirmed the cause " + subject : "marked the cause " + subject + " as wrong";
        ctx.json(Map.of("ephemeral_text", "Thanks, recorded: you " + said + "."));
    }

    private void webhook(Context ctx) {
        Map<String, Object> body;
        try {
            body = Json.mapper().readValue(ctx.body(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw Problem.badRequest("the body must be a JSON object such as {\"text\": \"why cartservice\"}");
        }
        Object text = body == null ? null : body.get("text");
        if (!(text instanceof String s) || s.isBlank()) {
            throw Problem.badRequest("field 'text' (a string such as \"why cartservice\") is required");
        }
        ctx.json(responder.answer(ChatCommand.parse(s), "taproot"));
    }
}
