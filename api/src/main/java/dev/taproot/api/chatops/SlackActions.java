package dev.taproot.api.chatops;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.api.actions.ActionDesk;
import dev.taproot.api.actions.ActionException;
import dev.taproot.api.actions.ActionKind;
import dev.taproot.api.actions.ActionRequest;
import dev.taproot.api.web.Problem;

/**
 * The Slack side of approval-gated actions: "Dry run" on a proposed action asks the desk for the
 * server-side dry run and posts it with Approve and Reject; Approve runs it only for a Slack user listed
 * in {@code chatops.slack.admins} (Slack's admin role); Reject declines it. The work runs on the ChatOps
 * pool and the outcome goes to the interaction's response URL, so Slack gets its 200 at once.
 */
final class SlackActions {

    private static final Logger LOG = LoggerFactory.getLogger(SlackActions.class);

    private final ActionDesk desk;
    private final Set<String> admins;
    private final ResponsePoster poster;
    private final ExecutorService executor;

    SlackActions(ActionDesk desk, List<String> admins, ResponsePoster poster, ExecutorService executor) {
        this.desk = desk;
        this.admins = Set.copyOf(admins);
        this.poster = poster;
        this.executor = executor;
    }

    boolean handles(String actionId) {
        return SlackBlocks.PROPOSE.equals(actionId) || SlackBlocks.APPROVE.equals(actionId) || SlackBlocks.REJECT.equals(actionId);
    }

    /** Checks the button's value at once (a bad one is a 400), then acts off the request thread. */
    void handle(String actionId, String value, String userId, String userName, String responseUrl) {
        String who = "slack:" + userId + (userName.isBlank() ? "" : ":" + userName);
        Runnable work = switch (actionId) {
            case SlackBlocks.PROPOSE -> {
                ActionRequest request = request(value, who);
                yield () -> reply(responseUrl, () -> SlackBlocks.dryRun(desk.propose(request, who)));
            }
            case SlackBlocks.APPROVE -> () -> reply(responseUrl, () -> {
                if (!admins.contains(userId)) {
                    return text("Only the Slack users listed in chatops.slack.admins may approve actions; " + who
                            + " is not one of them. Nothing was run.");
                }
                ActionDesk.Action done = desk.approve(value, who);
                return text("Done: `" + done.command() + "`, approved by " + who + ": " + String.join("; ", done.result()));
            });
            default -> () -> reply(responseUrl, () -> text("Rejected by " + who + ": `" + desk.reject(value, who).command()
                    + "` will not run."));
        };
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            throw new Problem(503, "Service unavailable", SlackRoutes.BUSY);
        }
    }

    /** The request a Dry run button carries: {@code analysis|kind|namespace|target}. */
    private static ActionRequest request(String value, String who) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 4) {
            throw Problem.badRequest("action value must be '<analysis>|<kind>|<namespace>|<target>'");
        }
        try {
            return new ActionRequest(ActionKind.parse(parts[1]), parts[2].isEmpty() ? null : parts[2], parts[3], null,
                    "proposed in Slack by " + who + " from diagnosis " + parts[0], parts[0], null);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private void reply(String responseUrl, java.util.function.Supplier<Map<String, Object>> message) {
        Map<String, Object> m;
        try {
            m = message.get();
        } catch (ActionException e) {
            m = text("Nothing was run: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("a Slack action failed", e);
            m = text("Nothing was run: the action failed (" + e.getClass().getSimpleName() + "); see Taproot's log.");
        }
        if (responseUrl != null) {
            poster.postToResponseUrl(responseUrl, m);
        }
    }

    private static Map<String, Object> text(String t) {
        return Map.of("response_type", "in_channel", "replace_original", false, "text", t);
    }
}
