package dev.taproot.api.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.jena.riot.Lang;

import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.AuthFilter;
import dev.taproot.api.web.ExportGate;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.rdf.RdfExport;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.MalformedInputException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/v1/ingest/<format>}: one endpoint per source format this area serves. The body is
 * the source's own payload (the Alertmanager one takes the webhook exactly as Alertmanager posts it).
 * The answer lists accepted records per kind and every rejected record with its location and reason;
 * a body that cannot be read at all is a 400 problem naming where, and nothing of it is stored.
 *
 * <p>{@code GET /api/v1/export?format=turtle|jsonld} exports the whole graph, or with
 * {@code &key=<entity key>&depth=<n>} the neighbourhood of one entity, in the Taproot vocabulary.
 *
 * <p>{@code ?source=NAME} names the input: a topology posted again under the same name replaces the
 * earlier one (relationships it no longer has are closed). Without it nothing is closed.
 */
public final class IngestRoutes implements Routes {

    /** The formats served here, each at {@code /api/v1/ingest/<format>}. */
    public static final List<String> FORMATS = List.of("kubernetes", "alertmanager", "events", "catalog", "edges",
            "changes", "rdf", "compose");
    /** The body media type of the formats whose payload is not JSON. */
    private static final Map<String, String> MEDIA_TYPES = Map.of("kubernetes", "application/yaml",
            "catalog", "application/yaml", "compose", "application/yaml", "rdf", "text/turtle",
            "edges", "text/csv");

    private final IngestService service;
    private final GraphReads store;
    private final ExportGate exports;

    public IngestRoutes(IngestService service, GraphReads store, ExportGate exports) {
        this.exports = exports;
        this.service = service;
        this.store = store;
    }

    @Override
    public void register(JavalinConfig config) {
        var router = new ApiRouter(config);
        for (String format : FORMATS) {
            if (service.registry().byFormat(format).isPresent()) {
                router.post("/api/v1/ingest/" + format, Role.INGEST, RouteDoc.of("ingest", "Ingest a " + format + " payload")
                        .query("source", false, "names the input; a topology posted again under the same name replaces it")
                        .body(MEDIA_TYPES.getOrDefault(format, RouteDoc.JSON), "the source's own " + format + " payload")
                        .response(IngestAnswer.class), ctx -> ingest(ctx, format));
            }
        }
        router.get("/api/v1/export", Role.READ, RouteDoc.of("ingest", "Export the graph, or one entity's neighbourhood, as RDF")
                .query("format", false, "turtle (default) or jsonld").query("key", false, "an entity key: export its neighbourhood")
                .query("depth", false, "hops around the key").response("text/turtle", "the graph in the Taproot vocabulary"
                        + " (application/ld+json with format=jsonld)"), this::export);
    }

    private void export(Context ctx) {
        Lang lang;
        try {
            lang = RdfExport.lang(ctx.queryParam("format"));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(dev.taproot.graph.store.ErrorMessages.describe(e));
        }
        String key = ctx.queryParam("key");
        int depth = key == null ? 0 : parseDepth(ctx.queryParam("depth"));
        if (!exports.tryEnter()) {
            ctx.header("Retry-After", Integer.toString(ExportGate.RETRY_AFTER_SECONDS));
            throw exports.busy();
        }
        try {
            if (key != null && store.entity(key).isEmpty()) {
                throw Problem.notFound("no entity with key '" + key + "'");
            }
            ctx.contentType(lang == Lang.JSONLD ? "application/ld+json" : lang == Lang.TURTLE ? "text/turtle"
                    : "application/n-triples");
            // streamed as read from the store: memory does not grow with the graph
            RdfExport.stream(store, key, depth, lang, ctx.outputStream());
        } finally {
            exports.leave();
        }
    }

    private static int parseDepth(String depth) {
        if (depth == null) {
            return 1;
        }
        try {
            int d = Integer.parseInt(depth);
            if (d < 0 || d > 6) {
                throw Problem.badRequest("depth must be between 0 and 6, was " + d);
            }
            return d;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("depth must be a number, was '" + depth + "'");
        }
    }

    private void ingest(Context ctx, String format) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw Problem.badRequest("the request body is empty: send a " + format + " payload");
        }
        String source = ctx.queryParam("source");
        var input = new IngestInput(source == null || source.isBlank() ? "request" : source, body, Instant.now());
        try {
            ApiToken token = ctx.attribute(AuthFilter.TOKEN_ATTRIBUTE);
            var caller = token == null ? IngestService.Caller.LOCAL
                    : new IngestService.Caller(token.name(), token.role().covers(Role.ADMIN));
            IngestReport report = service.ingest(input, format, source != null && !source.isBlank(), caller);
            ctx.json(IngestAnswer.of(report));
        } catch (IngestService.SourceOwnedException e) {
            throw new Problem(403, "Forbidden", dev.taproot.graph.store.ErrorMessages.describe(e));
        } catch (MalformedInputException e) {
            throw new Problem(400, "Malformed " + format + " input", e.getMessage(),
                    Map.of("location", e.location()));
        }
    }
}
