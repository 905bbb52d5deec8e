package dev.taproot.api.http;

import dev.taproot.api.drift.FleetDrift;
import dev.taproot.api.drift.VersionKnowledge;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.graph.store.TopologyReads;
import io.javalin.config.JavalinConfig;

/**
 * {@code GET /api/v1/drift}: workloads whose image version or pod template differs across namespaces, known-bad
 * version pairs running side by side, and every pair Taproot knows to break (declared or learned, with its origin).
 */
public final class DriftRoutes implements Routes {

    private final TopologyReads store;
    private final VersionKnowledge versions;

    public DriftRoutes(TopologyReads store, VersionKnowledge versions) {
        this.store = store;
        this.versions = versions;
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).get("/api/v1/drift", Role.READ, RouteDoc.of("explorer",
                "Version and configuration drift of workloads across namespaces, and the version pairs known to break"),
                ctx -> ctx.json(new FleetDrift(store).report(versions.all())));
    }
}
