package dev.taproot.api.http;

import dev.taproot.api.drift.Compatibility;
import dev.taproot.api.drift.FleetDrift;
import dev.taproot.api.security.Role;
import dev.taproot.graph.store.GraphStore;
import io.javalin.config.JavalinConfig;

/** {@code GET /api/v1/drift}: workloads whose image version or pod template differs across namespaces. */
public final class DriftRoutes implements Routes {

    private final GraphStore store;

    public DriftRoutes(GraphStore store) {
        this.store = store;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).get("/api/v1/drift", Role.READ, RouteDoc.of("explorer",
                "Version and configuration drift of workloads across namespaces"),
                ctx -> ctx.json(new FleetDrift(store).report(Compatibility.none())));
    }
}
