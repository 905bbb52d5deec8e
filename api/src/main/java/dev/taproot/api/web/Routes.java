package dev.taproot.api.web;

import io.javalin.config.JavalinConfig;

/**
 * One area of the HTTP API ({@code <Area>Routes}). The server registers every area explicitly, in
 * {@link TaprootServer}.
 */
@FunctionalInterface
public interface Routes {

    /** Adds this area's routes (and any handlers it needs) to the server configuration. */
    void register(JavalinConfig config);
}
