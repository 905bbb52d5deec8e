package dev.taproot.api.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.chatops.MattermostActions;
import dev.taproot.api.chatops.MattermostFormat;
import dev.taproot.api.chatops.SlackBlocks;
import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.Destination;
import dev.taproot.api.config.NotifyConfig;
import dev.taproot.api.notify.NotifyHttp.SendException;

/** The four destination types: Slack Web API, Mattermost (REST API or incoming webhook), Teams, generic webhook. */
final class Senders {

    private Senders() {
    }

    static Sender of(Destination d, NotifyHttp http, MattermostActions actions) {
        return switch (d.type()) {
            case SLACK -> new Slack(d, http);
            case MATTERMOST -> new Mattermost(d, http, actions);
            case TEAMS -> new Teams(d, http);
            case WEBHOOK -> new Webhook(d, http);
        };
    }

    /** {@code chat.postMessage}, then {@code chat.update} on the same channel and timestamp. */
    record Slack(Destination destination, NotifyHttp http) implements Sender {

        @Override
        public String post(Notification n) throws SendException {
            var body = message(n);
            body.put("channel", destination.channel());
            JsonNode r = call("chat.postMessage", body);
            String ts = r.path("ts").asText("");
            if (ts.isEmpty()) {
                throw new SendException("Slack chat.postMessage answered without a message timestamp");
            }
            return r.path("channel").asText(destination.channel()) + " " + ts;
        }

        @Override
        public void update(String id, Notification n) throws SendException {
            int space = id.indexOf(' ');
            var body = message(n);
            body.put("channel", id.substring(0, space));
            body.put("ts", id.substring(space + 1));
            call("chat.update", body);
        }

        private static Map<String, Object> message(Notification n) {
            var m = new LinkedHashMap<String, Object>(SlackBlocks.message(n.shown()));
            m.remove("response_type");
            return m;
        }

        private JsonNode call(String method, Map<String, Object> body) throws SendException {
            String base = destination.url().toString().replaceAll("/+$", "");
            JsonNode r = http.send("POST", URI.create(base + "/" + method), destination.token(), body);
            if (!r.path("ok").asBoolean(false)) {
                // Slack answers 200 with ok=false and an error code (channel_not_found, invalid_auth ...)
                throw new SendException("Slack " + method + " failed: " + r.path("error").asText("no 'ok' in the answer"));
            }
            return r;
        }
    }

    /** REST API ({@code POST /api/v4/posts}, {@code PUT /api/v4/posts/{id}/patch}) with a bot token, or an incoming webhook. */
    record Mattermost(Destination destination, NotifyHttp http, MattermostActions actions) implements Sender {

        @Override
        public String post(Notification n) throws SendException {
            if (destination.token() == null) {
                var body = new LinkedHashMap<>(MattermostFormat.message(n.shown(), actions));
                body.remove("response_type");
                http.send("POST", destination.url(), null, body);
                return n.groupKey();
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("channel_id", destination.channel());
            body.put("message", MattermostFormat.text(n.shown()));
            body.put("props", props(n));
            JsonNode r = http.send("POST", api("/api/v4/posts"), destination.token(), body);
            String id = r.path("id").asText("");
            if (id.isEmpty()) {
                throw new SendException("Mattermost answered without a post id");
            }
            return id;
        }

        @Override
        public void update(String id, Notification n) throws SendException {
            var body = new LinkedHashMap<String, Object>();
            body.put("message", MattermostFormat.text(n.shown()));
            body.put("props", props(n));
            http.send("PUT", api("/api/v4/posts/" + id + "/patch"), destination.token(), body);
        }

        private Map<String, Object> props(Notification n) {
            var props = new LinkedHashMap<String, Object>();
            props.put("attachments", MattermostFormat.attachments(n.shown(), actions));
            props.put("taproot_group_key", n.groupKey());
            return props;
        }

        private URI api(String path) {
            return URI.create(destination.url().toString().replaceAll("/+$", "") + path);
        }
    }

    /** A Teams incoming webhook: an Adaptive Card; no update, so a resolution is one follow-up card. */
    record Teams(Destination destination, NotifyHttp http) implements Sender {

        @Override
        public String post(Notification n) throws SendException {
            http.send("POST", destination.url(), null, card(n));
            return n.groupKey();
        }

        @Override
        public void update(String id, Notification n) {
            throw new UnsupportedOperationException("a Teams incoming webhook cannot update a message");
        }

        static Map<String, Object> card(Notification n) {
            var body = new ArrayList<Object>();
            body.add(Map.of("type", "TextBlock", "text", n.title(), "weight", "Bolder", "size", "Medium", "wrap", true,
                    "color", n.resolved() ? "Good" : "Attention"));
            if (!n.answer().summary().isBlank()) {
                body.add(Map.of("type", "TextBlock", "text", n.answer().summary(), "wrap", true));
            }
            var facts = new ArrayList<Object>();
            int rank = 1;
            for (var c : n.answer().causes()) {
                facts.add(Map.of("title", rank++ + ". " + c.name(), "value", (c.faultType() == null ? "" : c.faultType() + " · ")
                        + "confidence " + Math.round(c.confidence() * 100) + "%"));
            }
            if (!facts.isEmpty()) {
                body.add(Map.of("type", "FactSet", "facts", facts));
            }
            for (var line : n.answer().lines()) {
                body.add(Map.of("type", "TextBlock", "text", line, "wrap", true, "spacing", "Small"));
            }
            body.add(Map.of("type", "TextBlock", "text", n.statusLine(), "wrap", true, "isSubtle", true, "size", "Small"));
            var content = new LinkedHashMap<String, Object>();
            content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            content.put("type", "AdaptiveCard");
            content.put("version", "1.4");
            content.put("body", body);
            var attachment = new LinkedHashMap<String, Object>();
            attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
            attachment.put("contentUrl", null);
            attachment.put("content", content);
            var message = new LinkedHashMap<String, Object>();
            message.put("type", "message");
            message.put("attachments", List.of(attachment));
            return message;
        }
    }

    /** Any receiver: each state as JSON with the same {@code groupKey}, so the receiver can keep one record per failure. */
    record Webhook(Destination destination, NotifyHttp http) implements Sender {

        @Override
        public String post(Notification n) throws SendException {
            http.send("POST", destination.url(), destination.token(), body(n, n.resolved() ? "resolved" : "opened"));
            return n.groupKey();
        }

        @Override
        public void update(String id, Notification n) throws SendException {
            http.send("POST", destination.url(), destination.token(), body(n, n.resolved() ? "resolved" : "updated"));
        }

        static Map<String, Object> body(Notification n, String event) {
            var causes = new ArrayList<Object>();
            for (var c : n.answer().causes()) {
                var cause = new LinkedHashMap<String, Object>();
                cause.put("entity", c.entityKey());
                cause.put("name", c.name());
                cause.put("faultType", c.faultType());
                cause.put("confidence", c.confidence());
                cause.put("evidence", c.evidence());
                causes.add(cause);
            }
            var out = new LinkedHashMap<String, Object>();
            out.put("groupKey", n.groupKey());
            out.put("event", event);
            out.put("status", n.resolved() ? "resolved" : "firing");
            out.put("kinds", n.kinds().stream().map(NotificationKind::id).sorted().toList());
            out.put("severity", n.severity());
            out.put("namespaces", n.namespaces().stream().sorted().toList());
            out.put("services", n.services().stream().sorted().toList());
            out.put("teams", n.teams().stream().sorted().toList());
            out.put("confidence", n.confidence());
            out.put("title", n.title());
            out.put("summary", n.answer().summary());
            out.put("analysisId", n.answer().analysisId());
            out.put("causes", causes);
            out.put("alertGroups", n.alertGroups());
            out.put("at", n.at().toString());
            return out;
        }
    }
}
