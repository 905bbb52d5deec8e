package dev.taproot.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import io.javalin.http.Context;

/**
 * Reads a request body only up to a cap: a declared {@code Content-Length} above it is refused before
 * one byte is read, and a chunked body is refused as soon as it passes the cap. Endpoints that anyone
 * may call (Slack, Mattermost) use it so that an unauthenticated caller never makes the server hold
 * more than the cap per request.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, at most {@code maxBytes} long; a 413 problem otherwise. */
    public static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            var out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), maxBytes));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw Problem.badRequest("the request body could not be read: " + dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    private static Problem tooLarge(long maxBytes) {
        return new Problem(413, "Content too large", "this endpoint accepts bodies up to " + maxBytes + " bytes");
    }
}
