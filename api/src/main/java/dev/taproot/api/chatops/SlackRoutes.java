package dev.taproot.api.chatops;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SlackSignature;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.BoundedBody;
import dev.taproot.api.web.Json;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Slack: the {@code /taproot} slash command and the interactivity endpoint of its buttons. Both read
 * at most {@link ChatOpsConfig#MAX_BODY_BYTES} and verify the request signature before parsing anything
 * (the auth filter has already applied the per-address rate limit and failed-authentication throttle). A command is answered inline when the answer is ready
 * within {@link #INLINE_WAIT_MS}; otherwise Slack gets an acknowledgement at once and the answer is
 * posted to the request's {@code response_url} when ready (Slack allows 3 s for the first answer).
 */
public final class SlackRoutes implements Routes {

    /** How long a command waits for its answer before acknowledging instead. */
    public static final long INLINE_WAIT_MS = 2_000;
    /** What Slack shows when every worker is busy and the queue is full. */
    static final String BUSY = "Taproot is busy answering other questions right now. Ask again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(SlackRoutes.class);

    private final SlackSignature signature;
    private final ChatResponder responder;
    private final FeedbackSink feedback;
    private final ResponsePoster poster;
    private final ExecutorService executor;
    private final SlackActions actions;

    public SlackRoutes(SlackSignature signature, ChatResponder responder, FeedbackSink feedback, ResponsePoster poster,
                       ExecutorService executor, SlackActions actions) {
        this.actions = actions;
        this.signature = signature;
        this.responder = responder;
        this.feedback = feedback;
        this.poster = poster;
        this.executor = executor;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config)
                .post("/api/v1/chatops/slack/commands", Role.PUBLIC, RouteDoc.of("chatops",
                        "Slack slash command /taproot why|similar|blast|health|help (Slack-signed)")
                        .body("application/x-www-form-urlencoded", "Slack's slash command payload"), this::command)
                .post("/api/v1/chatops/slack/interactions", Role.PUBLIC, RouteDoc.of("chatops",
                        "Slack interactivity: Confirm cause / Wrong cause / This incident helped (Slack-signed)")
                        .body("application/x-www-form-urlencoded", "Slack's block_actions payload in field 'payload'"),
                        this::interaction);
    }

    private Map<String, String> verified(Context ctx) {
        if (signature == null) {
            throw new Problem(503, "Service unavailable", "Slack is not configured (set TAPROOT_SLACK_SIGNING_SECRET)");
        }
        byte[] body = BoundedBody.read(ctx, ChatOpsConfig.MAX_BODY_BYTES);
        var verdict = signature.verify(ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), body);
        if (verdict != SlackSignature.Verdict.OK) {
            throw new Problem(401, "Unauthorized", "Slack request signature check failed: " + verdict.name().toLowerCase().replace('_', ' '));
        }
        return FormBody.parse(body);
    }

    private void command(Context ctx) {
        Map<String, String> form = verified(ctx);
        ChatCommand command = ChatCommand.parse(form.get("text"));
        String slash = form.getOrDefault("command", "/taproot");
        String responseUrl = form.get("response_url");
        CompletableFuture<ChatAnswer> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> responder.answer(command, slash), executor);
        } catch (RejectedExecutionException e) {
            LOG.warn("ChatOps is at capacity: a Slack '{}' was answered busy", command.verb().name().toLowerCase());
            ctx.json(Map.of("response_type", "ephemeral", "text", BUSY));
            return;
        }
        try {
            ctx.json(SlackBlocks.message(answer.get(INLINE_WAIT_MS, TimeUnit.MILLISECONDS)));
        } catch (TimeoutException e) {
            answer.thenAccept(a -> poster.postToResponseUrl(responseUrl, SlackBlocks.message(a)));
            ctx.json(Map.of("response_type", "ephemeral", "text", "Taproot is looking into it: " + command.verb().name().toLowerCase()
                    + " " + command.argument()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(503, "Service unavailable", "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the answer failed", e.getCause());
        }
    }

    private void interaction(Context ctx) {
        Map<String, String> form = verified(ctx);
        String payload = form.get("payload");
        if (payload == null) {
            throw Problem.badRequest("field 'payload' is missing");
        }
        JsonNode p;
        try {
            p = Json.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw Problem.badRequest("field 'payload' is not JSON");
        }
        JsonNode action = p.path("actions").path(0);
        String actionId = action.path("action_id").asText("");
        if (actions.handles(actionId)) {
            actions.handle(actionId, action.path("value").asText(""), p.path("user").path("id").asText(""),
                    p.path("user").path("username").asText(p.path("user").path("name").asText("")),
                    p.path("response_url").asText(null));
            ctx.status(200).result("");
            return;
        }
        String kind = switch (actionId) {
            case SlackBlocks.CONFIRM -> "confirm-cause";
            case SlackBlocks.WRONG -> "wrong-cause";
            case SlackBlocks.HELPED -> "incident-helped";
            default -> throw Problem.badRequest("unknown action '" + actionId + "'");
        };
        String value = action.path("value").asText("");
        int bar = value.indexOf('|');
        if (bar <= 0) {
            throw Problem.badRequest("action value must be '<analysis>|<subject>'");
        }
        String user = p.path("user").path("id").asText("?") + ":" + p.path("user").path("username").asText(p.path("user").path("name").asText(""));
        var fb = new FeedbackSink.ChatFeedback(kind, value.substring(0, bar), value.substring(bar + 1), user, "slack", Instant.now());
        feedback.record(fb);
        String responseUrl = p.path("response_url").asText(null);
        if (responseUrl != null) {
            String said = switch (kind) {
                case "confirm-cause" -> "confirmed the cause " + fb.subject();
                case "wrong-cause" -> "marked the cause " + fb.subject() + " as wrong";
                default -> "said incident " + fb.subject() + " helped";
            };
            try {
                executor.execute(() -> poster.postToResponseUrl(responseUrl, Map.of("response_type", "ephemeral",
                        "replace_original", false, "text", "Thanks, recorded: you " + said + ".")));
            } catch (RejectedExecutionException e) {
                LOG.warn("ChatOps is at capacity: the thanks for recorded feedback was not posted");
            }
        }
        ctx.status(200).result("");
    }
}
