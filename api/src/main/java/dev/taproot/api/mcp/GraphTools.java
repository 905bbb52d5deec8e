package dev.taproot.api.mcp;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taproot.api.Taproot;
import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.api.explorer.CypherConsole;
import dev.taproot.api.explorer.GraphView;
import dev.taproot.api.explorer.GraphViews;
import dev.taproot.api.explorer.HealthScores;
import dev.taproot.api.explorer.Timeline;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.Problem;
import dev.taproot.graph.model.Entity;

/**
 * The tools over the graph, answering as the explorer API does and through the same components:
 * {@code entity}, {@code blast_radius}, {@code health}, {@code timeline} and {@code cypher_read}
 * (the explorer's read-only Cypher console and its guard).
 */
final class GraphTools {

    /** Events the {@code entity} tool returns by default: the latest ones. */
    static final int DEFAULT_RECENT = 20;

    private static final String ENTITY = "an entity key, name or alias (close misspellings resolve), e.g. paymentservice";

    private GraphTools() {
    }

    static List<McpTool> of(Taproot taproot) {
        return List.of(entity(taproot), blastRadius(taproot), health(taproot), timeline(taproot), cypherRead(taproot));
    }

    private static McpTool entity(Taproot taproot) {
        var input = new InputSchema()
                .string("entity", ENTITY)
                .integer("depth", 1, GraphViews.MAX_DEPTH, "neighbourhood hops (default 1)")
                .integer("recent", 0, Timeline.MAX_EVENTS, "latest signals, changes and incidents returned (default " + DEFAULT_RECENT + ")")
                .require("entity");
        return new McpTool("entity", "Entity overview",
                "One entity: its properties, its neighbourhood, its health score now and its latest signals, changes and incidents.",
                input, Role.READ, true, (caller, args) -> {
                    Entity e = resolve(taproot, args);
                    GraphView around = taproot.views().neighbourhood(e.key(), args.integer("depth", 1, 1, GraphViews.MAX_DEPTH),
                            java.util.Set.of(), java.util.Set.of(), null);
                    List<Timeline.Event> events = taproot.timeline().of(e, null, null);
                    int recent = args.integer("recent", DEFAULT_RECENT, 0, Timeline.MAX_EVENTS);
                    events = events.subList(Math.max(0, events.size() - recent), events.size());
                    HealthScores.Score health = taproot.health().of(e, Instant.now(), HealthScores.DEFAULT_WINDOW);
                    var body = new LinkedHashMap<String, Object>();
                    body.put("entity", e);
                    body.put("health", health);
                    body.put("neighbourhood", around);
                    body.put("recent", events);
                    return DiagnosisTools.answer(body, e.type() + " " + e.key() + " (" + e.name() + "): health " + health.score()
                            + " " + health.status() + ", " + (around.nodes().size() - 1) + " neighbour(s), "
                            + events.size() + " recent event(s)");
                });
    }

    private static McpTool blastRadius(Taproot taproot) {
        var input = new InputSchema()
                .string("entity", ENTITY)
                .integer("depth", 1, GraphViews.MAX_BLAST_DEPTH, "dependency hops followed (default 4)")
                .string("asOf", "date-time", "read the topology as of this time (default: now)")
                .require("entity");
        return new McpTool("blast_radius", "Blast radius",
                "Everything that depends on an entity, directly or through others: what breaks when it breaks.",
                input, Role.READ, true, (caller, args) -> {
                    Entity e = resolve(taproot, args);
                    GraphView view = taproot.views().blastRadius(e.key(),
                            args.integer("depth", 4, 1, GraphViews.MAX_BLAST_DEPTH), args.instant("asOf"));
                    return DiagnosisTools.answer(view(view), (view.nodes().size() - 1) + " entit(ies) depend on " + e.key());
                });
    }

    private static McpTool health(Taproot taproot) {
        var input = new InputSchema()
                .string("entity", "one service (default: every service, least healthy first)")
                .string("at", "date-time", "the time scored (default: now)")
                .string("window", "duration", "how far back 'current' reaches, ISO-8601 (default PT30M)");
        return new McpTool("health", "Health scores",
                "Health score 0-100 per service with the reasons points were taken off.",
                input, Role.READ, true, (caller, args) -> {
                    Instant at = args.instant("at") == null ? Instant.now() : args.instant("at");
                    Duration window = args.duration("window", HealthScores.DEFAULT_WINDOW);
                    if (args.has("entity")) {
                        HealthScores.Score score = taproot.health().of(resolve(taproot, args), at, window);
                        return DiagnosisTools.answer(Map.of("services", List.of(score)),
                                score.key() + ": " + score.score() + " " + score.status());
                    }
                    List<HealthScores.Score> all = taproot.health().all(at, window, 1_000);
                    var text = new StringBuilder(all.size() + " service(s)");
                    all.stream().limit(10).forEach(s -> text.append("\n- ").append(s.key()).append(": ").append(s.score())
                            .append(" ").append(s.status()));
                    return DiagnosisTools.answer(Map.of("at", at.toString(), "services", all), text.toString());
                });
    }

    private static McpTool timeline(Taproot taproot) {
        var input = new InputSchema()
                .string("entity", ENTITY)
                .string("from", "date-time", "start, ISO-8601 (default: open)")
                .string("to", "date-time", "end, ISO-8601 (default: open)")
                .require("entity");
        return new McpTool("timeline", "Timeline",
                "An entity's history, oldest first: signals, changes, incidents and topology changes, on it and on the"
                        + " workloads and pods it stands for.",
                input, Role.READ, true, (caller, args) -> {
                    Entity e = resolve(taproot, args);
                    Instant from = args.instant("from");
                    Instant to = args.instant("to");
                    if (from != null && to != null && to.isBefore(from)) {
                        throw new ToolArgumentException("to", to + " is before from " + from);
                    }
                    List<Timeline.Event> events = taproot.timeline().of(e, from, to);
                    return DiagnosisTools.answer(Map.of("entity", e.key(), "events", events),
                            events.size() + " event(s) on " + e.key());
                });
    }

    private static McpTool cypherRead(Taproot taproot) {
        var input = new InputSchema()
                .string("query", "one read-only Cypher statement, e.g. MATCH (s:Service) RETURN s.key LIMIT 5")
                .object("params", "query parameters")
                .require("query");
        return new McpTool("cypher_read", "Read-only Cypher",
                "Runs one read-only Cypher statement over the graph (the explorer's console: writes refused, row cap, timeout).",
                input, Role.READ, true, (caller, args) -> {
                    CypherConsole console = taproot.cypher().orElseThrow(() -> new Problem(501, "Not implemented",
                            "this graph store does not speak Cypher"));
                    String query = args.requiredText("query", "one read-only Cypher statement");
                    CypherConsole.Result result = console.run(query, args.object("params"));
                    return DiagnosisTools.answer(AnalysisJson.mapper().convertValue(result, DiagnosisTools.OBJECT),
                            result.rows().size() + " row(s)" + (result.truncated() ? " (truncated)" : "") + ", columns "
                                    + result.columns());
                });
    }

    private static Entity resolve(Taproot taproot, ToolArguments args) {
        String name = args.requiredText("entity", ENTITY);
        try {
            return taproot.directory().resolve(name);
        } catch (Problem p) {
            throw new ToolArgumentException("entity", p.getMessage());
        }
    }

    private static Map<String, Object> view(GraphView view) {
        return AnalysisJson.mapper().convertValue(view, DiagnosisTools.OBJECT);
    }
}
