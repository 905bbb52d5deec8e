package dev.taproot.api.http;

import java.util.LinkedHashMap;

import dev.taproot.api.Taproot;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;

/**
 * Health: {@code GET /api/v1/health} (is the store reachable, and how much does it hold), and the
 * unauthenticated probes an orchestrator calls: {@code GET /livez} (the process answers) and
 * {@code GET /readyz} (the store serves requests: 503 while the embedded database recovers from a
 * panic). The probes say nothing about the data.
 */
public final class HealthRoutes implements Routes {

    private final Taproot taproot;

    public HealthRoutes(Taproot taproot) {
        this.taproot = taproot;
    }

    @Override
    public void register(JavalinConfig config) {
        var router = new ApiRouter(config);
        router.get("/livez", Role.PUBLIC, RouteDoc.of("operations", "Liveness").response("text/plain", "ok"),
                ctx -> ctx.contentType("text/plain").result("ok\n"));
        router.get("/readyz", Role.PUBLIC, RouteDoc.of("operations", "Readiness: 503 while the graph store recovers")
                .response("text/plain", "ready"), ctx -> {
            if (taproot.store().ready()) {
                ctx.contentType("text/plain").result("ready\n");
            } else {
                ctx.status(503).header("Retry-After", "5").contentType("text/plain").result("the graph store is recovering\n");
            }
        });
        router.get("/api/v1/health", Role.READ, RouteDoc.of("operations", "The store's state and counts")
                .response(RouteDoc.JSON, "{status, store, counts}; 503 with {status, detail} when the store does not answer"), ctx -> {
            var body = new LinkedHashMap<String, Object>();
            try {
                var counts = taproot.store().counts();
                body.put("status", "ok");
                body.put("store", taproot.store().describe());
                body.put("counts", counts);
                ctx.json(body);
            } catch (RuntimeException e) {
                body.put("status", "unavailable");
                body.put("detail", "the graph store does not answer");
                ctx.status(503).json(body);
            }
        });
    }
}
