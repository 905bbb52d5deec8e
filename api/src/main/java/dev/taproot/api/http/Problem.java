package dev.taproot.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

/**
 * An RFC 9457 problem details answer: {@code type}, {@code title}, {@code status}, {@code detail},
 * plus extension members (for example the rejected records). Never carries a stack trace or a path.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public Problem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public Problem(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
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

    public int status() {
        return status;
    }

    /** Writes this problem as the response. */
    public void writeTo(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", ctx.path());
        body.putAll(extensions);
        ctx.status(status).contentType("application/problem+json").json(body);
    }
}
