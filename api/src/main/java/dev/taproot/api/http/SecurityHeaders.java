package dev.taproot.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers on every answer that tell a browser to run nothing Taproot did not serve itself: a strict
 * Content-Security-Policy (scripts, styles and requests from this origin only, no inline script, no
 * framing), {@code nosniff}, {@code X-Frame-Options} for older browsers, and no referrer leaving the
 * page. The explorer page and swagger-ui load their scripts and styles from files, so they need
 * nothing inline (the browser test checks that neither page logs a violation).
 */
public final class SecurityHeaders implements Handler {

    /** The policy for every page and answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
