package dev.taproot.api.http;

import java.util.LinkedHashMap;

import dev.taproot.api.Taproot;
import io.javalin.config.JavalinConfig;

/** {@code GET /api/v1/health}: is the store reachable, and how much does it hold. */
public final class HealthRoutes implements Routes {

    private final Taproot taproot;

    public HealthRoutes(Taproot taproot) {
        this.taproot = taproot;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/health", ctx -> {
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
