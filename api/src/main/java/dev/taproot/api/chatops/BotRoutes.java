package dev.taproot.api.chatops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import dev.taproot.api.http.ApiRouter;
import dev.taproot.api.http.BoundedBody;
import dev.taproot.api.http.Json;
import dev.taproot.api.http.Problem;
import dev.taproot.api.http.RouteDoc;
import dev.taproot.api.http.Routes;
import dev.taproot.api.security.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Chat front ends other than Slack: Mattermost slash commands (checked against the command's token,
 * answered in Mattermost's response format) and a plain JSON webhook for any other bot (bearer token,
 * role read).
 */
public final class BotRoutes implements Routes {

    private final ChatResponder responder;
    private final String mattermostToken;

    public BotRoutes(ChatResponder responder, String mattermostToken) {
        this.responder = responder;
        this.mattermostToken = mattermostToken;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config)
                .post("/api/v1/chatops/mattermost", Role.PUBLIC, RouteDoc.of("chatops",
                        "Mattermost slash command (checked against the command token)")
                        .body("application/x-www-form-urlencoded", "Mattermost's slash command payload"), this::mattermost)
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
        ctx.json(MattermostFormat.message(answer));
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
