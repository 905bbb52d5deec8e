package dev.taproot.api.chatops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongConsumer;

import dev.taproot.api.explorer.EntitySearch;
import dev.taproot.api.explorer.GraphView;
import dev.taproot.api.explorer.GraphViews;
import dev.taproot.api.explorer.HealthScores;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;

/** Answers chat commands with the real engine, incident memory and explorer views. */
public final class ChatResponder {

    /** Causes shown in an answer. */
    public static final int TOP_CAUSES = 3;
    /** Evidence lines shown per cause. */
    public static final int EVIDENCE_LINES = 4;
    /** Similar incidents shown. */
    public static final int SIMILAR = 3;

    private final GraphStore store;
    private final EntitySearch search;
    private final Diagnoses diagnoses;
    private final IncidentMemory memory;
    private final GraphViews views;
    private final HealthScores health;
    private final Clock clock;
    private final LongConsumer analysisNanos;

    public ChatResponder(GraphStore store, EntitySearch search, Diagnoses diagnoses, IncidentMemory memory,
                         GraphViews views, HealthScores health, Clock clock, LongConsumer analysisNanos) {
        this.store = store;
        this.search = search;
        this.diagnoses = diagnoses;
        this.memory = memory;
        this.views = views;
        this.health = health;
        this.clock = clock;
        this.analysisNanos = analysisNanos;
    }

    /** The answer to one command; {@code slash} is how the user invoked Taproot (for help texts). */
    public ChatAnswer answer(ChatCommand command, String slash) {
        try {
            return switch (command.verb()) {
                case WHY -> why(command);
                case SIMILAR -> similar(command);
                case BLAST -> blast(command);
                case HEALTH -> health(command);
                case HELP -> help(command, slash);
            };
        } catch (IllegalArgumentException | dev.taproot.api.http.Problem e) {
            return ChatAnswer.text(command, "Taproot could not answer", List.of(dev.taproot.graph.store.ErrorMessages.describe(e)));
        }
    }

    private ChatAnswer help(ChatCommand command, String slash) {
        var lines = new ArrayList<String>();
        if (!command.argument().isBlank()) {
            lines.add("Unknown command '" + command.argument() + "'.");
        }
        lines.addAll(List.of(ChatCommand.usage(slash).split("\n")));
        return ChatAnswer.text(command, "Taproot commands", lines);
    }

    private ChatAnswer why(ChatCommand command) {
        if (command.argument().isBlank()) {
            throw new IllegalArgumentException("Say what is wrong: why <service | alert | text>");
        }
        long started = System.nanoTime();
        Diagnoses.Diagnosis d = diagnoses.diagnose(command.argument(), clock.instant());
        analysisNanos.accept(System.nanoTime() - started);
        Analysis a = d.analysis();
        var causes = new ArrayList<ChatAnswer.Cause>();
        for (Candidate c : a.candidates().subList(0, Math.min(TOP_CAUSES, a.candidates().size()))) {
            List<String> evidence = c.evidence() == null ? List.of() : c.evidence().descriptions();
            causes.add(new ChatAnswer.Cause(c.entityKey(), c.name(), c.faultType(), c.confidence(),
                    evidence.subList(0, Math.min(EVIDENCE_LINES, evidence.size()))));
        }
        var builder = SimilarQuery.builder().text(command.argument()).limit(SIMILAR)
                .candidateCauses(causes.stream().map(ChatAnswer.Cause::name).toList());
        if (d.symptom() != null) {
            builder.services(List.of(d.symptom().name()));
        }
        if (d.alert() != null) {
            builder.alerts(List.of(d.alert()));
        }
        // the analysis already names the neighbours that matter (its candidates); no second graph read
        List<ChatAnswer.PastIncident> incidents = pastIncidents(builder.build());
        String subject = d.symptom() != null ? d.symptom().name() : command.argument();
        String summary = (d.note().isEmpty() ? "" : d.note() + " ") + a.summary();
        String title = causes.isEmpty() ? "No confident root cause for " + subject
                : "Why " + subject + ": most likely " + causes.get(0).name()
                + (causes.get(0).faultType() == null ? "" : " (" + causes.get(0).faultType() + ")");
        return new ChatAnswer(command, title, summary, causes, incidents, List.of(), UUID.randomUUID().toString());
    }

    private ChatAnswer similar(ChatCommand command) {
        if (command.argument().isBlank()) {
            throw new IllegalArgumentException("Describe the problem: similar <text>");
        }
        var incidents = pastIncidents(SimilarQuery.text(command.argument(), SIMILAR));
        String title = incidents.isEmpty() ? "No similar past incident" : incidents.size() + " similar past incidents";
        return new ChatAnswer(command, title, "", List.of(), incidents, List.of(), UUID.randomUUID().toString());
    }

    private ChatAnswer blast(ChatCommand command) {
        Entity e = search.resolve(requireArgument(command, "blast <entity>"));
        GraphView v = views.blastRadius(e.key(), 4, null);
        var lines = new ArrayList<String>();
        for (int depth = 1; depth <= 4; depth++) {
            int d = depth;
            List<String> names = v.nodes().stream().filter(n -> n.depth() == d).map(n -> n.name() + " (" + n.type() + ")").toList();
            if (!names.isEmpty()) {
                lines.add((d == 1 ? "Directly: " : d + " hops away: ") + String.join(", ", names));
            }
        }
        int count = v.nodes().size() - 1;
        return ChatAnswer.text(command, count == 0 ? "Nothing depends on " + e.name()
                : count + " entities depend on " + e.name(), lines);
    }

    private ChatAnswer health(ChatCommand command) {
        Diagnoses.TimedText t = Diagnoses.TimedText.parse(requireArgument(command, "health <service>"), clock.instant());
        Entity e = search.resolve(t.text());
        HealthScores.Score s = health.of(e, t.at(), HealthScores.DEFAULT_WINDOW);
        var lines = new ArrayList<String>();
        s.reasons().forEach(r -> lines.add("-" + r.points() + " " + r.reason() + " on " + r.entity()));
        if (lines.isEmpty()) {
            lines.add("No current signal lowers it.");
        }
        return ChatAnswer.text(command, e.name() + " health " + s.score() + "/100 (" + s.status() + ")", lines);
    }

    private List<ChatAnswer.PastIncident> pastIncidents(SimilarQuery q) {
        if (q.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<ChatAnswer.PastIncident>();
        for (SimilarHit h : memory.similar(q)) {
            out.add(new ChatAnswer.PastIncident(h.id(), h.title(), h.resolution(), h.runbook(), h.why(), h.score()));
        }
        return out;
    }

    private static String requireArgument(ChatCommand c, String usage) {
        if (c.argument().isBlank()) {
            throw new IllegalArgumentException("Usage: " + usage);
        }
        return c.argument();
    }

    static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }

}
