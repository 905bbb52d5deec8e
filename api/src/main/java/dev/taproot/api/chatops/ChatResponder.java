package dev.taproot.api.chatops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

import dev.taproot.api.diagnosis.Diagnose;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.diagnosis.TimedText;
import dev.taproot.api.explorer.EntitySearch;
import dev.taproot.api.explorer.GraphView;
import dev.taproot.api.explorer.GraphViews;
import dev.taproot.api.explorer.HealthScores;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.model.Entity;
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

    private final EntitySearch search;
    private final Diagnose diagnose;
    private final IncidentMemory memory;
    private final GraphViews views;
    private final HealthScores health;
    private final Clock clock;
    private final LongConsumer analysisNanos;

    private final boolean offerActions;

    public ChatResponder(EntitySearch search, Diagnose diagnose, IncidentMemory memory,
                         GraphViews views, HealthScores health, Clock clock, LongConsumer analysisNanos) {
        this(search, diagnose, memory, views, health, clock, analysisNanos, false);
    }

    /** @param offerActions whether answers offer the diagnosis' proposed actions (Kubernetes actions are configured) */
    public ChatResponder(EntitySearch search, Diagnose diagnose, IncidentMemory memory, GraphViews views,
                         HealthScores health, Clock clock, LongConsumer analysisNanos, boolean offerActions) {
        this.offerActions = offerActions;
        this.search = search;
        this.diagnose = diagnose;
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
        } catch (IllegalArgumentException | dev.taproot.api.web.Problem e) {
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
        return answer(command, diagnose(command.argument()));
    }

    /**
     * The diagnosis of what {@code text} names ({@code <service | alert | text> [at <time>]}), from the one
     * {@link Diagnose} service, timed into the analysis latency. Bad questions throw {@link IllegalArgumentException}.
     */
    public Diagnosis diagnose(String text) {
        long started = System.nanoTime();
        Diagnosis d = diagnose.diagnose(TimedText.parse(text).question());
        analysisNanos.accept(System.nanoTime() - started);
        return d;
    }

    /** The answer to {@code command} (a {@code why}) from its diagnosis: causes, evidence, similar incidents, what to do. */
    public ChatAnswer answer(ChatCommand command, Diagnosis d) {
        Analysis a = d.analysis();
        var causes = new ArrayList<ChatAnswer.Cause>();
        var symptoms = new java.util.HashSet<String>();
        a.symptoms().forEach(sy -> symptoms.add(sy.entityKey()));
        for (Candidate c : a.candidates().subList(0, Math.min(TOP_CAUSES, a.candidates().size()))) {
            var evidence = new ArrayList<String>();
            if (c.hypothesis() != null) {
                evidence.add(c.hypothesis().sentence(c.name()));
            }
            if (c.evidence() != null) {
                evidence.addAll(c.evidence().sentences());
            }
            causes.add(new ChatAnswer.Cause(c.entityKey(), c.name(), c.faultType(), c.confidence(),
                    evidence.subList(0, Math.min(EVIDENCE_LINES, evidence.size())), symptoms.contains(c.entityKey())));
        }
        var incidents = new ArrayList<ChatAnswer.PastIncident>();
        for (SimilarHit h : d.similar()) {
            incidents.add(new ChatAnswer.PastIncident(h.id(), h.title(), h.resolution(), h.runbook(), h.why(), h.score()));
        }
        var lines = new ArrayList<String>();
        if (!d.blastRadius().isEmpty() && a.top() != null) {
            lines.add("Blast radius of " + a.top().name() + ": " + String.join(", ", d.blastRadius().stream()
                    .limit(8).map(Diagnosis.Affected::name).toList()) + (d.blastRadius().size() > 8
                    ? " and " + (d.blastRadius().size() - 8) + " more" : ""));
        }
        d.whatToDo().stream().limit(2).forEach(w -> lines.add("To do: " + w.title()
                + (w.steps().isEmpty() ? "" : ": " + w.steps().get(0))));
        String subject = d.understood().symptomName() != null ? d.understood().symptomName() : command.argument();
        String summary = (d.understood().note().isEmpty() ? "" : d.understood().note() + " ") + a.summary();
        String title = causes.isEmpty() ? "No confident root cause for " + subject
                : "Why " + subject + ": most likely " + causes.get(0).name()
                + (causes.get(0).faultType() == null ? "" : " (" + causes.get(0).faultType() + ")");
        var actions = new java.util.LinkedHashMap<String, dev.taproot.api.actions.ProposedAction>();
        (offerActions ? d.whatToDo() : List.<dev.taproot.api.diagnosis.Advice>of()).forEach(advice -> advice.actions().forEach(x -> actions.putIfAbsent(x.command(), x)));
        return new ChatAnswer(command, title, summary, causes, incidents, lines, d.id(), List.copyOf(actions.values()));
    }

    private ChatAnswer similar(ChatCommand command) {
        if (command.argument().isBlank()) {
            throw new IllegalArgumentException("Describe the problem: similar <text>");
        }
        var incidents = pastIncidents(SimilarQuery.text(command.argument(), SIMILAR));
        String title = incidents.isEmpty() ? "No similar past incident" : incidents.size() + " similar past incidents";
        return new ChatAnswer(command, title, "", List.of(), incidents, List.of(), java.util.UUID.randomUUID().toString());
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
        TimedText t = TimedText.parse(requireArgument(command, "health <service>"));
        Entity e = search.resolve(t.text());
        HealthScores.Score s = health.of(e, t.atOr(clock.instant()), HealthScores.DEFAULT_WINDOW);
        var lines = new ArrayList<String>();
        s.reasons().forEach(r -> lines.add("-" + r.points() + " " + r.reason() + " on " + r.entity()));
        if (lines.isEmpty()) {
            lines.add("No current signal lowers it.");
        }
        lines.add((t.at() == null ? "Now: " : "As asked: ") + s.at() + ".");
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
