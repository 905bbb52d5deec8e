package dev.taproot.api.http;

import java.util.List;

import io.javalin.router.EndpointMetadata;

/**
 * What an endpoint does, attached to it when it is registered ({@link ApiRouter}); the OpenAPI
 * document is generated from these and from the router, so it cannot drift from the code.
 *
 * @param summary     one line
 * @param tag         the area (explorer, chatops, operations, ...)
 * @param params      query and path parameters
 * @param requestBody the body it reads (media type and a sentence), or null
 */
public record RouteDoc(String summary, String tag, List<Param> params, Body requestBody) implements EndpointMetadata {

    public RouteDoc {
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** One parameter. {@code in} is {@code query} or {@code path}. */
    public record Param(String name, String in, boolean required, String description) {
    }

    /** A request body: media type and what it holds. */
    public record Body(String mediaType, String description) {
    }

    public static RouteDoc of(String tag, String summary) {
        return new RouteDoc(summary, tag, List.of(), null);
    }

    /** This doc with one more query parameter. */
    public RouteDoc query(String name, boolean required, String description) {
        var all = new java.util.ArrayList<>(params);
        all.add(new Param(name, "query", required, description));
        return new RouteDoc(summary, tag, all, requestBody);
    }

    /** This doc with one more path parameter. */
    public RouteDoc path(String name, String description) {
        var all = new java.util.ArrayList<>(params);
        all.add(new Param(name, "path", true, description));
        return new RouteDoc(summary, tag, all, requestBody);
    }

    /** This doc with a request body. */
    public RouteDoc body(String mediaType, String description) {
        return new RouteDoc(summary, tag, params, new Body(mediaType, description));
    }
}
