package dev.taproot.api.http;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.taproot.api.Taproot;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.api.memory.SimilarQueries;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.NdjsonIncidentReader;
import dev.taproot.ingest.incidents.RecordRejection;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Past incidents: {@code GET /api/v1/incidents/similar} (free text {@code q} plus structured
 * parameters), {@code GET /api/v1/incidents/{id}}, and {@code POST /api/v1/import/incidents}
 * (streaming NDJSON in the Taproot incident schema, per-record errors).
 */
public final class IncidentRoutes implements Routes {

    /** Rejections listed in an import answer; the count covers them all. */
    static final int MAX_LISTED_REJECTIONS = 1_000;

    private final Taproot taproot;

    public IncidentRoutes(Taproot taproot) {
        this.taproot = taproot;
    }

    @Override
    public void register(JavalinConfig config) {
        String repeatable = " (repeatable, or comma-separated)";
        new ApiRouter(config)
                .get("/api/v1/incidents/similar", Role.READ, RouteDoc.of("incidents", "Past incidents most like a description")
                        .query("q", false, "free text").query("service", false, "service names" + repeatable)
                        .query("neighbour", false, "neighbouring services" + repeatable)
                        .query("alert", false, "alert names" + repeatable).query("fault", false, "fault types" + repeatable)
                        .query("type", false, "entity types" + repeatable).query("signature", false, "error signatures (repeatable)")
                        .query("cause", false, "candidate causes" + repeatable).query("fingerprint", false, "alert fingerprints" + repeatable)
                        .query("limit", false, "most hits").query("explain", false, "true: say why each hit matched")
                        .query("expand", false, "false: do not widen services to their neighbours")
                        .response(IncidentAnswers.Similar.class), this::similar)
                .get("/api/v1/incidents/{id}", Role.READ, RouteDoc.of("incidents", "One past incident and the feedback on it")
                        .path("id", "incident id").response(IncidentAnswers.OneIncident.class), this::incident)
                .post("/api/v1/import/incidents", Role.INGEST, RouteDoc.of("incidents", "Import past incidents")
                        .body("application/x-ndjson", "one incident record (JSON) a line")
                        .response(RouteDoc.JSON, "imported and rejected counts, the first rejections by line and field"),
                        this::importNdjson);
    }

    private void similar(Context ctx) {
        var q = SimilarQuery.builder()
                .text(ctx.queryParam("q"))
                .services(multi(ctx, "service"))
                .neighbours(multi(ctx, "neighbour"))
                .alerts(multi(ctx, "alert"))
                .faultTypes(multi(ctx, "fault"))
                .entityTypes(multi(ctx, "type"))
                .signatures(ctx.queryParams("signature"))
                .candidateCauses(multi(ctx, "cause"))
                .fingerprint(multi(ctx, "fingerprint"))
                .limit(intParam(ctx, "limit", SimilarQuery.DEFAULT_LIMIT))
                .explain(Boolean.parseBoolean(ctx.queryParam("explain")))
                .build();
        if (q.isEmpty()) {
            throw Problem.badRequest("give q (free text) or at least one of service, alert, fault, type, signature, cause, fingerprint");
        }
        if (!"false".equalsIgnoreCase(ctx.queryParam("expand"))) {
            q = SimilarQueries.withNeighbours(q, taproot.store());
        }
        List<SimilarHit> hits = taproot.memory().similar(q);
        ctx.json(new IncidentAnswers.Similar(q, hits.size(), hits));
    }

    private void incident(Context ctx) {
        String id = ctx.pathParam("id");
        var incident = taproot.memory().incident(id)
                .orElseThrow(() -> Problem.notFound("no incident with id '" + id + "'"));
        ctx.json(new IncidentAnswers.OneIncident(incident, taproot.memory().feedback().about(id)));
    }

    private void importNdjson(Context ctx) throws Exception {
        var rejections = new ArrayList<Map<String, Object>>();
        IncidentMemory memory = taproot.memory();
        IncidentImporter.Summary summary;
        try (InputStream in = ctx.bodyInputStream()) {
            summary = memory.importFrom(new NdjsonIncidentReader("request", in), new IncidentImporter.Listener() {
                @Override
                public void progress(long imported, long rejected, long bytesRead) {
                }

                @Override
                public void rejected(RecordRejection r) {
                    if (rejections.size() < MAX_LISTED_REJECTIONS) {
                        var m = new LinkedHashMap<String, Object>();
                        m.put("line", r.line());
                        m.put("field", r.field());
                        m.put("reason", r.reason());
                        rejections.add(m);
                    }
                }
            });
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("imported", summary.imported());
        body.put("rejected", summary.rejected());
        body.put("ratePerSecond", Math.round(summary.rate()));
        body.put("rejections", rejections);
        body.put("summary", summary.line());
        if (summary.imported() == 0 && summary.rejected() == 0) {
            throw Problem.badRequest("the body holds no incident records (expected NDJSON: one JSON object per line)");
        }
        if (summary.imported() == 0) {
            throw new Problem(400, "Bad request", "every record was rejected; nothing was stored", body);
        }
        ctx.json(body);
    }

    /** A repeatable parameter, each value possibly comma-separated. */
    static List<String> multi(Context ctx, String name) {
        var out = new LinkedHashSet<String>();
        for (String v : ctx.queryParams(name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1 || n > SimilarQuery.MAX_LIMIT) {
                throw Problem.badRequest(name + " must be between 1 and " + SimilarQuery.MAX_LIMIT + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " is not a number: '" + v + "'");
        }
    }
}
