package dev.taproot.api.web;

import java.util.Set;

import dev.taproot.api.security.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;

/**
 * Registers an endpoint together with the role it requires and its {@link RouteDoc}: the auth filter
 * reads the role, the OpenAPI document reads both.
 */
public final class ApiRouter {

    private final JavalinConfig config;

    public ApiRouter(JavalinConfig config) {
        this.config = config;
    }

    public ApiRouter get(String path, Role role, RouteDoc doc, Handler handler) {
        return add(HandlerType.GET, path, role, doc, handler);
    }

    public ApiRouter post(String path, Role role, RouteDoc doc, Handler handler) {
        return add(HandlerType.POST, path, role, doc, handler);
    }

    public ApiRouter add(HandlerType method, String path, Role role, RouteDoc doc, Handler handler) {
        config.routes.addEndpoint(Endpoint.create(method, path)
                .addMetadata(new Roles(Set.of(role)))
                .addMetadata(doc)
                .handler(handler));
        return this;
    }
}
