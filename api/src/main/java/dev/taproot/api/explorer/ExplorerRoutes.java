package dev.taproot.api.explorer;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.Json;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.GraphStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The graph explorer API under {@code /api/v1/explorer}: entity search, neighbourhood, paths, blast
 * radius, timeline, health scores, read-only Cypher and SPARQL, and what the explorer page draws (the
 * folded service graph, its paths and a node's panel, each read as of {@code at}). Entities are named by key, name or
 * alias in the {@code entity} parameter (keys contain slashes, so they are never path segments).
 */
public final class ExplorerRoutes implements Routes {

    private static final String BASE = "/api/v1/explorer";
    private static final String TAG = "explorer";

    private final EntitySearch search;
    private final GraphViews views;
    private final Timeline timeline;
    private final HealthScores health;
    private final Optional<CypherConsole> cypher;
    private final SparqlEndpoint sparql;
    private final ServiceGraph serviceGraph;
    private final NodeDetails details;

    /**
     * The explorer's routes over the components the composition root built once.
     *
     * @param cypher  the read-only Cypher console, absent when the store is not Neo4j
     * @param timeout how long a SPARQL query may run
     */
    public ExplorerRoutes(GraphStore store, EntitySearch search, GraphViews views, Timeline timeline,
                          HealthScores health, Optional<CypherConsole> cypher, Duration timeout) {
        this.search = search;
        this.views = views;
        this.timeline = timeline;
        this.health = health;
        this.cypher = cypher;
        this.sparql = new SparqlEndpoint(store, timeout, CypherConsole.DEFAULT_MAX_ROWS);
        this.serviceGraph = new ServiceGraph(store, health);
        this.details = new NodeDetails(store, timeline, health, views);
    }

    public EntitySearch search() {
        return search;
    }

    public GraphViews views() {
        return views;
    }

    public HealthScores health() {
        return health;
    }

    @Override
    public void register(JavalinConfig config) {
        String entity = "an entity key, name or alias (fuzzy)";
        String asOf = "ISO-8601 time to read the topology as of (default: now)";
        String at = "ISO-8601 time everything is read as of (default: now)";
        String window = "ISO-8601 duration a signal stays current (default PT30M)";
        new ApiRouter(config)
                .get(BASE + "/entities", Role.READ, RouteDoc.of(TAG, "Find entities by key, name or alias (fuzzy)")
                        .query("q", true, "text to look for").query("limit", false, "most hits (default 10)"), this::entities)
                .get(BASE + "/neighbourhood", Role.READ, RouteDoc.of(TAG, "Entities within depth <= 3 of an entity")
                        .query("entity", true, entity).query("depth", false, "1-3 (default 1)")
                        .query("types", false, "entity types to keep, comma-separated")
                        .query("relationships", false, "relationship types to follow, comma-separated")
                        .query("asOf", false, asOf), this::neighbourhood)
                .get(BASE + "/paths", Role.READ, RouteDoc.of(TAG, "Shortest paths between two entities")
                        .query("from", true, entity).query("to", true, entity)
                        .query("maxLength", false, "1-6 (default 4)").query("limit", false, "most paths (default 10)")
                        .query("asOf", false, asOf), this::paths)
                .get(BASE + "/blast-radius", Role.READ, RouteDoc.of(TAG, "Everything that depends on an entity")
                        .query("entity", true, entity).query("depth", false, "1-6 (default 4)").query("asOf", false, asOf),
                        this::blastRadius)
                .get(BASE + "/graph", Role.READ, RouteDoc.of(TAG, "The explorer's drawing: one node per service with its "
                        + "workloads folded in, each with its health at 'at'; edges say which end depends on the other")
                        .query("entity", true, entity).query("depth", false, "service-level hops, 1-2 (default 1)")
                        .query("at", false, at).query("window", false, window), this::graph)
                .get(BASE + "/graph/paths", Role.READ, RouteDoc.of(TAG, "Shortest paths between two entities, folded and "
                        + "coloured like /graph (the explorer highlights an analysis's cause-to-symptom path with it)")
                        .query("from", true, entity).query("to", true, entity)
                        .query("maxLength", false, "1-6 (default 4)").query("at", false, at), this::foldedPaths)
                .get(BASE + "/node", Role.READ, RouteDoc.of(TAG, "One node's panel at 'at': properties, folded workloads, "
                        + "health with reasons, current signals, recent changes, incidents, blast radius")
                        .query("entity", true, entity).query("at", false, at).query("window", false, window)
                        .query("changes", false, "ISO-8601 duration a change stays recent (default PT24H)"), this::node)
                .get(BASE + "/timeline", Role.READ, RouteDoc.of(TAG, "Signals, changes, incidents and topology changes of an entity")
                        .query("entity", true, entity).query("from", false, "ISO-8601 start").query("to", false, "ISO-8601 end"),
                        this::timeline)
                .get(BASE + "/health", Role.READ, RouteDoc.of(TAG, "Health score 0-100 per service, with reasons")
                        .query("entity", false, "one service (default: all)").query("at", false, "ISO-8601 time (default: now)")
                        .query("window", false, "ISO-8601 duration of 'current' (default PT30M)"), this::health)
                .post(BASE + "/cypher", Role.READ, RouteDoc.of(TAG, "Run one read-only Cypher statement (row cap, timeout)")
                        .body("application/json", "{\"query\": \"MATCH ... RETURN ...\", \"params\": {}}"), this::cypher)
                .post(BASE + "/sparql", Role.READ, RouteDoc.of(TAG, "SPARQL SELECT/ASK/CONSTRUCT/DESCRIBE over the graph (Taproot vocabulary)")
                        .body("application/sparql-query", "the query text (or form field 'query')"), this::sparqlPost)
                .get(BASE + "/sparql", Role.READ, RouteDoc.of(TAG, "SPARQL query in the 'query' parameter")
                        .query("query", true, "SPARQL text"), ctx -> answer(ctx, sparql.run(ctx.queryParam("query"))));
    }

    private void entities(Context ctx) {
        int limit = intParam(ctx, "limit", 10, 1, 100);
        var hits = search.search(ctx.queryParam("q"), limit).stream().map(h -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("key", h.entity().key());
            m.put("type", h.entity().type());
            m.put("name", h.entity().name());
            m.put("aliases", h.entity().aliases());
            m.put("match", h.match());
            m.put("score", Math.round(h.score() * 100) / 100.0);
            return m;
        }).toList();
        ctx.json(Map.of("query", ctx.queryParam("q"), "hits", hits));
    }

    private void neighbourhood(Context ctx) {
        Entity e = entity(ctx, "entity");
        ctx.json(views.neighbourhood(e.key(), intParam(ctx, "depth", 1, 1, GraphViews.MAX_DEPTH),
                GraphViews.csv(ctx.queryParam("types")), GraphViews.csv(ctx.queryParam("relationships")), instant(ctx, "asOf")));
    }

    private void paths(Context ctx) {
        Entity from = entity(ctx, "from");
        Entity to = entity(ctx, "to");
        ctx.json(views.paths(from.key(), to.key(), intParam(ctx, "maxLength", 4, 1, GraphViews.MAX_PATH_LENGTH),
                intParam(ctx, "limit", 10, 1, 100), instant(ctx, "asOf")));
    }

    private void blastRadius(Context ctx) {
        Entity e = entity(ctx, "entity");
        ctx.json(views.blastRadius(e.key(), intParam(ctx, "depth", 4, 1, GraphViews.MAX_BLAST_DEPTH), instant(ctx, "asOf")));
    }

    private void graph(Context ctx) {
        Entity e = entity(ctx, "entity");
        ctx.json(serviceGraph.around(e.key(), intParam(ctx, "depth", 1, 1, ServiceGraph.MAX_DEPTH), atOrNow(ctx),
                duration(ctx, "window", HealthScores.DEFAULT_WINDOW)));
    }

    private void foldedPaths(Context ctx) {
        Entity from = entity(ctx, "from");
        Entity to = entity(ctx, "to");
        Instant at = atOrNow(ctx);
        var raw = views.paths(from.key(), to.key(), intParam(ctx, "maxLength", 4, 1, GraphViews.MAX_PATH_LENGTH), 10, at);
        ctx.json(serviceGraph.fold(raw, at, HealthScores.DEFAULT_WINDOW));
    }

    private void node(Context ctx) {
        Entity e = entity(ctx, "entity");
        ctx.json(details.of(e, atOrNow(ctx), duration(ctx, "window", HealthScores.DEFAULT_WINDOW),
                duration(ctx, "changes", NodeDetails.DEFAULT_CHANGES)));
    }

    private static Instant atOrNow(Context ctx) {
        return Optional.ofNullable(instant(ctx, "at")).orElseGet(Instant::now);
    }

    private void timeline(Context ctx) {
        Entity e = entity(ctx, "entity");
        ctx.json(Map.of("entity", e.key(), "events", timeline.of(e, instant(ctx, "from"), instant(ctx, "to"))));
    }

    private void health(Context ctx) {
        Instant asked = instant(ctx, "at");
        Instant at = Optional.ofNullable(asked).orElse(Instant.now());
        String time = asked == null ? "now" : "as asked";
        Duration window = duration(ctx, "window", HealthScores.DEFAULT_WINDOW);
        if (ctx.queryParam("entity") != null) {
            var score = health.of(entity(ctx, "entity"), at, window);
            var body = new java.util.LinkedHashMap<String, Object>(Json.mapper().convertValue(score,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
            body.put("time", time);
            ctx.json(body);
        } else {
            ctx.json(Map.of("at", at, "time", time, "services", health.all(at, window, 1_000)));
        }
    }

    private void cypher(Context ctx) {
        CypherConsole console = cypher.orElseThrow(() -> new Problem(501, "Not implemented",
                "this graph store does not speak Cypher"));
        Map<String, Object> body = jsonBody(ctx);
        Object query = body.get("query");
        Object params = body.getOrDefault("params", Map.of());
        if (!(query instanceof String q)) {
            throw Problem.badRequest("field 'query' (a string) is required");
        }
        if (!(params instanceof Map<?, ?> p)) {
            throw Problem.badRequest("field 'params' must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) p;
        ctx.json(console.run(q, typed));
    }

    private void sparqlPost(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        String query;
        if (type.startsWith("application/sparql-query")) {
            query = ctx.body();
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            query = ctx.formParam("query");
        } else if (type.startsWith("application/json")) {
            Object q = jsonBody(ctx).get("query");
            query = q instanceof String s ? s : null;
        } else {
            throw new Problem(415, "Unsupported media type",
                    "send application/sparql-query, a form with 'query', or JSON {\"query\": ...}");
        }
        answer(ctx, sparql.run(query));
    }

    private static void answer(Context ctx, SparqlEndpoint.Answer a) {
        ctx.contentType(a.mediaType()).result(a.body());
    }

    private Entity entity(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            throw Problem.badRequest("query parameter '" + param + "' is required: an entity key, name or alias");
        }
        return search.resolve(v);
    }

    static Map<String, Object> jsonBody(Context ctx) {
        try {
            Map<String, Object> m = Json.mapper().readValue(ctx.body(), new TypeReference<Map<String, Object>>() { });
            if (m == null) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            return m;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.badRequest("the body is not a JSON object: " + dev.taproot.ingest.JsonProblems.describe(e));
        }
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw Problem.badRequest(name + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a number, was '" + v + "'");
        }
    }

    static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be an ISO-8601 instant such as 2026-01-15T10:00:00Z, was '" + v + "'");
        }
    }

    static Duration duration(Context ctx, String name, Duration fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be an ISO-8601 duration such as PT30M, was '" + v + "'");
        }
    }
}
