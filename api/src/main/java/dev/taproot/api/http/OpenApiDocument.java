package dev.taproot.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.RolePolicy;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;

/**
 * Builds the OpenAPI 3.1 document from registered endpoints: each operation's summary, tag,
 * parameters and role from its {@link RouteDoc}, its request and response schemas generated from the
 * records the doc names ({@link JsonSchemas}), and RFC 9457 problem answers for the errors.
 */
final class OpenApiDocument {

    /** The schema every error answer refers to. */
    static final String PROBLEM = "Problem";
    private static final Pattern PATH_PARAM = Pattern.compile("[{<]([^}>]+)[}>]");

    private final JsonSchemas schemas = new JsonSchemas(AnalysisJson.mapper());

    private OpenApiDocument() {
        schemas.define(PROBLEM, problemSchema());
    }

    /** The document for these endpoints. */
    static Map<String, Object> of(List<Endpoint> endpoints) {
        return new OpenApiDocument().build(endpoints);
    }

    private Map<String, Object> build(List<Endpoint> endpoints) {
        var paths = new TreeMap<String, Map<String, Object>>();
        for (Endpoint e : endpoints) {
            String path = e.path.replace('<', '{').replace('>', '}');
            paths.computeIfAbsent(path, k -> new TreeMap<>()).put(e.method.name().toLowerCase(Locale.ROOT), operation(e));
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Taproot API", "version", "0.1.0",
                "description", "Knowledge-graph root-cause analysis. Authenticate with 'Authorization: Bearer <token>' "
                        + "(the Authorize button of /docs); each operation names the role it needs (x-taproot-role). "
                        + "Request and response schemas are generated from the records the handlers bind. "
                        + "Errors are RFC 9457 problem details."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", schemas.components()));
        return doc;
    }

    private Map<String, Object> operation(Endpoint e) {
        RouteDoc doc = e.metadata(RouteDoc.class);
        io.javalin.security.Roles roles = e.metadata(io.javalin.security.Roles.class);
        Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
        Role role = RolePolicy.required(e.method, e.path, declared);
        var op = new LinkedHashMap<String, Object>();
        op.put("summary", doc != null ? doc.summary() : e.method + " " + e.path);
        op.put("tags", List.of(doc != null ? doc.tag() : tagOf(e.path)));
        op.put("x-taproot-role", role.label());
        op.put("security", role == Role.PUBLIC ? List.of() : List.of(Map.of("bearer", List.of())));
        List<Map<String, Object>> params = parameters(e.path, doc);
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (doc != null && doc.requestBody() != null) {
            RouteDoc.Body body = doc.requestBody();
            op.put("requestBody", Map.of("description", body.description(), "required", true,
                    "content", Map.of(body.mediaType(), mediaType(body))));
        }
        op.put("responses", responses(doc, role));
        return op;
    }

    private List<Map<String, Object>> parameters(String path, RouteDoc doc) {
        var params = new ArrayList<Map<String, Object>>();
        if (doc != null) {
            for (RouteDoc.Param p : doc.params()) {
                params.add(Map.of("name", p.name(), "in", p.in(), "required", p.required(),
                        "description", p.description(), "schema", Map.of("type", "string")));
            }
        }
        var m = PATH_PARAM.matcher(path);
        while (m.find()) {
            String name = m.group(1);
            if (params.stream().noneMatch(p -> p.get("name").equals(name))) {
                params.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
        }
        return params;
    }

    private Map<String, Object> responses(RouteDoc doc, Role role) {
        var responses = new LinkedHashMap<String, Object>();
        RouteDoc.Body answer = doc != null && doc.response() != null ? doc.response()
                : new RouteDoc.Body(RouteDoc.JSON, "a JSON object (its shape is not described yet)", null, false);
        int status = doc != null ? doc.status() : 200;
        var success = new LinkedHashMap<String, Object>();
        success.put("description", answer.description());
        if (status != 204) {
            success.put("content", Map.of(answer.mediaType(), mediaType(answer)));
        }
        responses.put(Integer.toString(status), success);
        responses.put("400", problem("Bad request: the detail names the field"));
        if (role != Role.PUBLIC) {
            responses.put("401", problem("Missing or unknown token"));
            responses.put("403", problem("Token role too low"));
            responses.put("429", problem("Rate limit exceeded"));
        }
        responses.put("default", problem("Any other error"));
        return responses;
    }

    /**
     * The media type object of a body: the generated schema for a typed JSON body, a free-form object
     * for JSON built in place, and nothing but the media type for Turtle, YAML, protobuf or text.
     */
    private Map<String, Object> mediaType(RouteDoc.Body body) {
        if (body.type() != null) {
            return Map.of("schema", body.array() ? schemas.arrayOf(body.type()) : schemas.schemaOf(body.type()));
        }
        if (body.isJson()) {
            return Map.of("schema", Map.of("type", "object", "description", body.description()));
        }
        return Map.of();
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description,
                "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", JsonSchemas.REF_PREFIX + PROBLEM))));
    }

    /** RFC 9457 problem details; written by hand because {@link Problem#body} builds a map with extension members. */
    private static Map<String, Object> problemSchema() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("type", Map.of("type", "string", "format", "uri-reference", "description", "about:blank here"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer", "format", "int32"));
        properties.put("detail", Map.of("type", "string", "description", "what was wrong, naming the field"));
        properties.put("instance", Map.of("type", "string", "description", "the request path"));
        return Map.of("type", "object", "description", "RFC 9457 problem details; extension members may follow",
                "properties", properties, "required", List.of("type", "title", "status"),
                "additionalProperties", true);
    }

    private static String tagOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? parts[3] : "other";
    }
}
