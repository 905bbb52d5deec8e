package dev.taproot.api.chatops;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.Json;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.MalformedInputException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * An Alertmanager receiver: each webhook (one alert group) is ingested as signals, then, when the group
 * is firing, diagnosed from the alerted service users meet ({@link #question}); the answer is posted to the configured Slack incoming
 * webhook and the same {@link Diagnosis} handed to the {@link AlertGroupListener} (the notifier, which
 * routes it: one message per failure, updated in place). A resolved group is handed to it too.
 * Answers 202 at once; the diagnosis and the sends run in the background.
 */
public final class AlertmanagerRelay implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerRelay.class);
    private final IngestService ingest;
    private final ChatResponder responder;
    private final ResponsePoster poster;
    private final String webhookUrl;
    private final ExecutorService executor;
    private final AlertGroupListener notifier;
    private final UserFacing userFacing;

    public AlertmanagerRelay(IngestService ingest, ChatResponder responder, ResponsePoster poster, String webhookUrl,
                             ExecutorService executor, AlertGroupListener notifier, UserFacing userFacing) {
        this.userFacing = userFacing;
        this.ingest = ingest;
        this.responder = responder;
        this.poster = poster;
        this.webhookUrl = webhookUrl;
        this.executor = executor;
        this.notifier = notifier;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).post("/api/v1/chatops/alertmanager", Role.INGEST, RouteDoc.of("chatops",
                "Alertmanager receiver: ingest the group, analyse it when firing, post the answer to Slack")
                .body("application/json", "Alertmanager webhook payload (version 4)"), this::receive);
    }

    private void receive(Context ctx) {
        if (webhookUrl == null && !notifier.enabled()) {
            throw new Problem(503, "Service unavailable", "neither a Slack incoming webhook (TAPROOT_SLACK_WEBHOOK_URL) nor a "
                    + "notification route (notifications in taproot.yaml) is configured");
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
        Instant received = Instant.now();
        String groupKey = group.path("groupKey").asText("group");
        if ("resolved".equalsIgnoreCase(group.path("status").asText(""))) {
            notifier.resolved(group, received); // decides here, sends on the notifier's own threads
        }
        Optional<String> question = question(group);
        var answer = new LinkedHashMap<String, Object>();
        answer.put("ingested", report.summaryLine());
        answer.put("analysing", question.orElse(null));
        if (question.isPresent()) {
            String text = question.get();
            try {
                executor.execute(() -> diagnoseAndSend(group, received, text));
            } catch (RejectedExecutionException e) {
                LOG.warn("ChatOps is at capacity: alert group {} was stored but not analysed", groupKey);
                answer.put("analysing", null);
                answer.put("skipped", "Taproot is at capacity: the alerts are stored, the analysis was not run");
            }
        }
        ctx.status(202).json(answer);
    }

    /** One diagnosis, through the one {@code Diagnose} service: posted to the webhook and handed to the notifier. */
    private void diagnoseAndSend(JsonNode group, Instant received, String text) {
        ChatCommand command = ChatCommand.parse("why " + text);
        Diagnosis diagnosis;
        ChatAnswer a;
        try {
            diagnosis = responder.diagnose(text);
            a = responder.answer(command, diagnosis);
        } catch (IllegalArgumentException | Problem e) {
            diagnosis = null;
            a = ChatAnswer.text(command, "Taproot could not answer", List.of(dev.taproot.graph.store.ErrorMessages.describe(e)));
        }
        if (webhookUrl != null && !poster.post(webhookUrl, SlackBlocks.message(a))) {
            LOG.warn("the analysis of alert group {} could not be posted to Slack", group.path("groupKey").asText());
        }
        if (diagnosis != null) {
            notifier.diagnosed(group, received, diagnosis, a);
        }
    }

    /**
     * What to ask about a firing group: about the alerted service users meet ({@link UserFacing}) when the
     * alerts land on several services, else about the earliest firing alert; at the group's latest start
     * plus a minute.
     */
    public Optional<String> question(JsonNode group) {
        Optional<String> earliest = earliestAlert(group);
        if (earliest.isEmpty() || userFacing == null) {
            return earliest;
        }
        var starts = new java.util.HashMap<String, java.util.Set<Instant>>();
        Instant first = null;
        Instant latest = null;
        for (JsonNode alert : group.path("alerts")) {
            Instant start = parse(alert.path("startsAt").asText(null));
            String name = alert.path("labels").path("alertname").asText("");
            if (start == null || name.isBlank() || !"firing".equalsIgnoreCase(alert.path("status").asText("firing"))) {
                continue;
            }
            starts.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(start);
            first = first == null || start.isBefore(first) ? start : first;
            latest = latest == null || start.isAfter(latest) ? start : latest;
        }
        if (first == null) {
            return earliest;
        }
        Instant at = latest.plusSeconds(60);
        return userFacing.among(starts, first, at).map(name -> name + " at " + at).or(() -> earliest);
    }

    /** The question about a firing group's earliest firing alert (its name, at the group's latest start plus a minute). */
    public static Optional<String> earliestAlert(JsonNode group) {
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
