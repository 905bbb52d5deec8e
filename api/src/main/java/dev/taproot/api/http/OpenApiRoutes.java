package dev.taproot.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.taproot.api.security.Role;
import dev.taproot.api.security.RolePolicy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3.1 document generated at request time from the router
 * itself: every registered endpoint, with the {@link RouteDoc} and role it was registered with (or the
 * role {@link RolePolicy} gives it). {@code /docs} renders it with swagger-ui from its WebJar.
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
                .get(PATH, Role.PUBLIC, RouteDoc.of("operations", "This OpenAPI document"),
                        ctx -> ctx.json(document(endpoints(state))))
                .get("/docs", Role.PUBLIC, RouteDoc.of("operations", "API documentation (swagger-ui)"),
                        ctx -> ctx.redirect("/docs/index.html"));
    }

    private static List<Endpoint> endpoints(JavalinState state) {
        return state.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint)
                .filter(e -> HTTP_METHODS.contains(e.method)).toList();
    }

    /** The document for these endpoints. */
    public static Map<String, Object> document(List<Endpoint> endpoints) {
        var paths = new TreeMap<String, Map<String, Object>>();
        for (Endpoint e : endpoints) {
            String path = e.path.replace('<', '{').replace('>', '}');
            paths.computeIfAbsent(path, k -> new LinkedHashMap<>())
                    .put(e.method.name().toLowerCase(Locale.ROOT), operation(e));
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Taproot API", "version", "0.1.0",
                "description", "Knowledge-graph root-cause analysis. Authenticate with 'Authorization: Bearer <token>'; "
                        + "each operation names the role it needs (x-taproot-role). Errors are RFC 9457 problem details."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Problem", Map.of("type", "object", "properties", Map.of(
                        "type", Map.of("type", "string"), "title", Map.of("type", "string"),
                        "status", Map.of("type", "integer"), "detail", Map.of("type", "string"),
                        "instance", Map.of("type", "string"))))));
        return doc;
    }

    private static Map<String, Object> operation(Endpoint e) {
        RouteDoc doc = e.metadata(RouteDoc.class);
        io.javalin.security.Roles roles = e.metadata(io.javalin.security.Roles.class);
        Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
        Role role = RolePolicy.required(e.method, e.path, declared);
        var op = new LinkedHashMap<String, Object>();
        op.put("summary", doc != null ? doc.summary() : e.method + " " + e.path);
        op.put("tags", List.of(doc != null ? doc.tag() : tagOf(e.path)));
        op.put("x-taproot-role", role.label());
        op.put("security", role == Role.PUBLIC ? List.of() : List.of(Map.of("bearer", List.of())));
        var params = new ArrayList<Map<String, Object>>();
        if (doc != null) {
            for (RouteDoc.Param p : doc.params()) {
                params.add(Map.of("name", p.name(), "in", p.in(), "required", p.required(),
                        "description", p.description(), "schema", Map.of("type", "string")));
            }
            if (doc.requestBody() != null) {
                op.put("requestBody", Map.of("description", doc.requestBody().description(),
                        "content", Map.of(doc.requestBody().mediaType(), Map.of("schema", Map.of()))));
            }
        }
        for (String name : pathParams(e.path)) {
            if (params.stream().noneMatch(p -> p.get("name").equals(name))) {
                params.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        var problem = Map.of("content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        var responses = new LinkedHashMap<String, Object>();
        responses.put("200", Map.of("description", "OK"));
        responses.put("400", withDescription(problem, "Bad request"));
        if (role != Role.PUBLIC) {
            responses.put("401", withDescription(problem, "Missing or unknown token"));
            responses.put("403", withDescription(problem, "Token role too low"));
            responses.put("429", withDescription(problem, "Rate limit exceeded"));
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> withDescription(Map<String, ?> base, String description) {
        var m = new LinkedHashMap<String, Object>(base);
        m.put("description", description);
        return m;
    }

    private static List<String> pathParams(String path) {
        var names = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("[{<]([^}>]+)[}>]").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String tagOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? parts[3] : "other";
    }
}
