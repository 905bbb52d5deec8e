package dev.taproot.api.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

/**
 * An RFC 9457 problem details answer: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, plus extension members (for example the rejected records). Never carries a stack
 * trace or a path of the server's file system.
 */
public final class Problem extends RuntimeException {

    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public Problem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public Problem(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    /** 503 with {@code Retry-After}: a bounded resource is full, the request may be sent again later. */
    public static Problem busy(String detail, long retryAfterSeconds) {
        return new Problem(503, "Service unavailable", detail, Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    /** A problem for an HTTP status, with the standard reason phrase as title. */
    public static Problem ofStatus(int status, String detail) {
        return new Problem(status, titleOf(status), detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The answer's members, in RFC 9457 order. */
    public Map<String, Object> body(String instance) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }

    /** Writes this problem as the response. */
    public void writeTo(Context ctx) {
        if (extensions.get("retryAfterSeconds") instanceof Long seconds) {
            ctx.header("Retry-After", Long.toString(seconds));
        }
        ctx.status(status).json(body(ctx.path())).contentType(MEDIA_TYPE);
    }

    /** The standard reason phrase of an HTTP status, as the title of a problem. */
    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }
}
