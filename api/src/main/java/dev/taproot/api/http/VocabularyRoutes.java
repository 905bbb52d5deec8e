package dev.taproot.api.http;

import org.apache.jena.riot.Lang;

import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.graph.rdf.RdfVocabulary;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/v1/vocabulary}: the type vocabulary as Turtle (default) or JSON-LD, chosen by the
 * {@code Accept} header or {@code ?format=turtle|jsonld}.
 */
public final class VocabularyRoutes implements Routes {

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).get("/api/v1/vocabulary", Role.READ, RouteDoc.of("explorer", "The Taproot vocabulary (RDFS/OWL)")
                .query("format", false, "turtle (default) or jsonld; or ask with Accept: application/ld+json")
                .response("text/turtle", "the vocabulary (application/ld+json with format=jsonld)"), this::vocabulary);
    }

    private void vocabulary(Context ctx) {
        String format = ctx.queryParam("format");
        String accept = ctx.header("Accept");
        boolean jsonLd = "jsonld".equalsIgnoreCase(format) || "json-ld".equalsIgnoreCase(format)
                || (format == null && accept != null && (accept.contains("application/ld+json")
                || accept.contains("application/json")));
        if (format != null && !jsonLd && !"turtle".equalsIgnoreCase(format) && !"ttl".equalsIgnoreCase(format)) {
            throw Problem.badRequest("format must be turtle or jsonld, was '" + format + "'");
        }
        if (jsonLd) {
            ctx.contentType("application/ld+json").result(RdfVocabulary.serialise(Lang.JSONLD));
        } else {
            ctx.contentType("text/turtle").result(RdfVocabulary.serialise(Lang.TURTLE));
        }
    }
}
