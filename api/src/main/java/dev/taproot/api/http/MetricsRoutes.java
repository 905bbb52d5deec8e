package dev.taproot.api.http;

import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;

/** {@code GET /metrics}: Taproot's meters in the Prometheus text format (role {@code read}). */
public final class MetricsRoutes implements Routes {

    private final TaprootMetrics metrics;

    public MetricsRoutes(TaprootMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).get("/metrics", Role.READ, RouteDoc.of("operations", "Prometheus metrics"),
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
