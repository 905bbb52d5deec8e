/**
 * What every HTTP surface shares to declare its routes, below the surfaces themselves: {@link
 * dev.taproot.api.web.Routes} (one area of the API), {@link dev.taproot.api.web.ApiRouter} and {@link
 * dev.taproot.api.web.RouteDoc} (a route with its role and OpenAPI text), {@link dev.taproot.api.web.Problem}
 * (RFC 9457 problem details), {@link dev.taproot.api.web.Json}, {@link dev.taproot.api.web.BoundedBody},
 * {@link dev.taproot.api.web.ExportGate} and {@link dev.taproot.api.web.AuthFilter}, the HTTP side of
 * {@code api.security}. The server ({@code api.http}) registers the surfaces' routes; none of them depends
 * on it.
 *
 * <p>To add a route area: a class implementing {@code Routes} in its surface's package, registered in
 * {@code TaprootServer.routes}.
 */
package dev.taproot.api.web;
