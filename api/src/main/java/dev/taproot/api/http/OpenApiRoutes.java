package dev.taproot.api.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3.1 document generated at request time from the router
 * itself: every registered endpoint, with the {@link RouteDoc} and role it was registered with (or the
 * role the role policy gives it) and the request and response schemas generated from the records it names. {@code /docs} renders it with swagger-ui from its WebJar.
 */
public final class OpenApiRoutes implements Routes {

    /** Where the document is served. */
    public static final String PATH = "/api/openapi.json";
    private static final Set<HandlerType> HTTP_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    @Override
    public void register(JavalinConfig config) {
        JavalinState state = config.unsafe;
        new ApiRouter(config)
                .get(PATH, Role.PUBLIC, RouteDoc.of("operations", "This OpenAPI document").response(RouteDoc.JSON, "the OpenAPI 3.1 document"),
                        ctx -> ctx.json(document(endpoints(state))))
                .get("/docs", Role.PUBLIC, RouteDoc.of("operations", "API documentation (swagger-ui)").response("text/html", "a redirect to the swagger-ui page").status(302),
                        ctx -> ctx.redirect("/docs/index.html"));
    }

    private static List<Endpoint> endpoints(JavalinState state) {
        return state.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint)
                .filter(e -> HTTP_METHODS.contains(e.method)).toList();
    }

    /** The document for these endpoints. */
    public static Map<String, Object> document(List<Endpoint> endpoints) {
        return OpenApiDocument.of(endpoints);
    }
}
