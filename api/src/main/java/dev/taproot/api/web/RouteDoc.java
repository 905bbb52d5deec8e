package dev.taproot.api.web;

import java.util.ArrayList;
import java.util.List;

import io.javalin.router.EndpointMetadata;

/**
 * What an endpoint does, attached to it when it is registered ({@link ApiRouter}); the OpenAPI
 * document is generated from these and from the router, so it cannot drift from the code. The request
 * and response types named here are the records the handler reads and writes; their schemas are
 * generated from them ({@link JsonSchemas}).
 *
 * @param summary     one line
 * @param tag         the area (explorer, chatops, operations, ...)
 * @param params      query and path parameters
 * @param requestBody the body it reads, or null
 * @param response    the body it answers with on success, or null (an undescribed JSON object)
 * @param status      the success status (200, or 201 for a creation)
 */
public record RouteDoc(String summary, String tag, List<Param> params, Body requestBody, Body response, int status)
        implements EndpointMetadata {

    /** The media type of JSON bodies. */
    public static final String JSON = "application/json";

    public RouteDoc {
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** One parameter. {@code in} is {@code query} or {@code path}. */
    public record Param(String name, String in, boolean required, String description) {
    }

    /**
     * A body: its media type, a sentence, and for JSON the record it holds.
     *
     * @param type  the record (or other Java type) bound to the body, or null for a non-JSON body or
     *              a JSON object built in the handler
     * @param array true when the body is a JSON array of {@code type}
     */
    public record Body(String mediaType, String description, Class<?> type, boolean array) {

        /** True for a JSON body (of any JSON media type, such as {@code application/problem+json}). */
        public boolean isJson() {
            return mediaType.equals(JSON) || mediaType.endsWith("+json");
        }
    }

    public static RouteDoc of(String tag, String summary) {
        return new RouteDoc(summary, tag, List.of(), null, null, 200);
    }

    /** This doc with one more query parameter. */
    public RouteDoc query(String name, boolean required, String description) {
        var all = new ArrayList<>(params);
        all.add(new Param(name, "query", required, description));
        return new RouteDoc(summary, tag, all, requestBody, response, status);
    }

    /** This doc with one more path parameter. */
    public RouteDoc path(String name, String description) {
        var all = new ArrayList<>(params);
        all.add(new Param(name, "path", true, description));
        return new RouteDoc(summary, tag, all, requestBody, response, status);
    }

    /** This doc with a request body that is not a JSON record (Turtle, protobuf, a form, free JSON). */
    public RouteDoc body(String mediaType, String description) {
        return new RouteDoc(summary, tag, params, new Body(mediaType, description, null, false), response, status);
    }

    /** This doc with a JSON request body bound to {@code type}. */
    public RouteDoc request(Class<?> type) {
        return new RouteDoc(summary, tag, params, new Body(JSON, type.getSimpleName(), type, false), response, status);
    }

    /** This doc answering {@code type} as JSON. */
    public RouteDoc response(Class<?> type) {
        return new RouteDoc(summary, tag, params, requestBody, new Body(JSON, type.getSimpleName(), type, false), status);
    }

    /** This doc answering a JSON array of {@code type}. */
    public RouteDoc responseList(Class<?> type) {
        return new RouteDoc(summary, tag, params, requestBody,
                new Body(JSON, "array of " + type.getSimpleName(), type, true), status);
    }

    /** This doc answering a body that is not a JSON record (text, Turtle, a JSON object built in place). */
    public RouteDoc response(String mediaType, String description) {
        return new RouteDoc(summary, tag, params, requestBody, new Body(mediaType, description, null, false), status);
    }

    /** This doc with another success status (201 for a creation, 202 for accepted work). */
    public RouteDoc status(int successStatus) {
        return new RouteDoc(summary, tag, params, requestBody, response, successStatus);
    }
}
