package dev.taproot.api.chatops;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.http.ApiRouter;
import dev.taproot.api.http.Json;
import dev.taproot.api.http.Problem;
import dev.taproot.api.http.RouteDoc;
import dev.taproot.api.http.Routes;
import dev.taproot.api.security.Role;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.MalformedInputException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * An Alertmanager receiver: each webhook (one alert group) is ingested as signals, then, when the group
 * is firing, analysed from its first alert and the answer posted to the configured Slack incoming
 * webhook. Answers 202 at once; the analysis and post run in the background.
 */
public final class AlertmanagerRelay implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerRelay.class);
    private final IngestService ingest;
    private final ChatResponder responder;
    private final ResponsePoster poster;
    private final String webhookUrl;
    private final ExecutorService executor;

    public AlertmanagerRelay(IngestService ingest, ChatResponder responder, ResponsePoster poster, String webhookUrl,
                             ExecutorService executor) {
        this.ingest = ingest;
        this.responder = responder;
        this.poster = poster;
        this.webhookUrl = webhookUrl;
        this.executor = executor;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).post("/api/v1/chatops/alertmanager", Role.INGEST, RouteDoc.of("chatops",
                "Alertmanager receiver: ingest the group, analyse it when firing, post the answer to Slack")
                .body("application/json", "Alertmanager webhook payload (version 4)"), this::receive);
    }

    private void receive(Context ctx) {
        if (webhookUrl == null) {
            throw new Problem(503, "Service unavailable", "no Slack incoming webhook is configured (set TAPROOT_SLACK_WEBHOOK_URL)");
        }
        byte[] body = ctx.bodyAsBytes();
        JsonNode group;
        try {
            group = Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw Problem.badRequest("the body is not JSON: expected an Alertmanager webhook payload");
        }
        if (group == null || !group.path("alerts").isArray()) {
            throw Problem.badRequest("field 'alerts' (an array) is missing: expected an Alertmanager webhook payload");
        }
        IngestReport report;
        try {
            report = ingest.ingest(new IngestInput("alertmanager-" + group.path("groupKey").asText("group") + ".alertmanager.json",
                    body, Instant.now()), "alertmanager", false);
        } catch (MalformedInputException e) {
            throw Problem.badRequest(dev.taproot.graph.store.ErrorMessages.describe(e));
        }
        Optional<String> question = question(group);
        var answer = new LinkedHashMap<String, Object>();
        answer.put("ingested", report.summaryLine());
        answer.put("analysing", question.orElse(null));
        if (question.isPresent()) {
            String text = question.get();
            try {
                executor.execute(() -> {
                    ChatAnswer a = responder.answer(ChatCommand.parse("why " + text), "/taproot");
                    if (!poster.post(webhookUrl, SlackBlocks.message(a))) {
                        LOG.warn("the analysis of alert group {} could not be posted to Slack", group.path("groupKey").asText());
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.warn("ChatOps is at capacity: alert group {} was stored but not analysed", group.path("groupKey").asText());
                answer.put("analysing", null);
                answer.put("skipped", "Taproot is at capacity: the alerts are stored, the analysis was not run");
            }
        }
        ctx.status(202).json(answer);
    }

    /** What to ask about a firing group: its earliest firing alert's name, at the group's latest start. */
    public static Optional<String> question(JsonNode group) {
        if (!"firing".equalsIgnoreCase(group.path("status").asText("firing"))) {
            return Optional.empty();
        }
        JsonNode first = null;
        Instant latest = null;
        for (JsonNode alert : group.path("alerts")) {
            if (!"firing".equalsIgnoreCase(alert.path("status").asText("firing"))) {
                continue;
            }
            Instant start = parse(alert.path("startsAt").asText(null));
            if (first == null || start != null && Comparator.<Instant>naturalOrder()
                    .compare(start, parse(first.path("startsAt").asText(null)) == null ? start : parse(first.path("startsAt").asText(null))) < 0) {
                first = alert;
            }
            if (start != null && (latest == null || start.isAfter(latest))) {
                latest = start;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        String name = first.path("labels").path("alertname").asText("");
        if (name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(name + (latest == null ? "" : " at " + latest.plusSeconds(60)));
    }

    private static Instant parse(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
