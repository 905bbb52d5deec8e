package dev.taproot.ingest.kubernetes;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.Json;

/** The Service names an Ingress routes to: its default backend and every rule path's (networking/v1 and v1beta1). */
final class IngressBackends {

    private IngressBackends() {
    }

    /** The backend service names of an Ingress spec, in the order they appear, each once. */
    static Set<String> of(JsonNode spec) {
        var out = new LinkedHashSet<String>();
        add(out, Json.at(spec, "defaultBackend"));
        add(out, Json.at(spec, "backend"));
        for (JsonNode rule : Json.elements(Json.at(spec, "rules"))) {
            for (JsonNode path : Json.elements(Json.at(rule, "http", "paths"))) {
                add(out, Json.at(path, "backend"));
            }
        }
        return out;
    }

    private static void add(Set<String> out, JsonNode backend) {
        String name = Json.text(backend, "service", "name");
        if (name == null) {
            name = Json.text(backend, "serviceName");
        }
        if (name != null) {
            out.add(name);
        }
    }
}
