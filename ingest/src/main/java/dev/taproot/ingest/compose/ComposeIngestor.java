package dev.taproot.ingest.compose;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.ManifestReader;

/**
 * Docker Compose files (the Compose Specification): each service becomes a Service entity (image,
 * replicas), and each dependency a {@code DEPENDS_ON} edge, from three places: {@code depends_on}
 * (list or map form), {@code links} ({@code name} or {@code name:alias}) and environment values
 * that name another service of the file as a host ({@code http://name:port/...}, {@code name:port},
 * or the bare name). A dependency on a service the file does not define is rejected with its path;
 * the rest go on.
 */
public final class ComposeIngestor implements Ingestor {

    public static final String FORMAT = "compose";
    /** A host reference inside an environment value: scheme, then the host, then a port or path or the end. */
    private static final Pattern HOST = Pattern.compile("(?:^|[/@=,;\\s]|://)([A-Za-z0-9][A-Za-z0-9_.-]*)(?=[:/,;\\s]|$)");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yml") && !name.endsWith(".yaml")) {
            return false;
        }
        String head = input.head(8192);
        boolean services = head.startsWith("services:") || head.contains("\nservices:");
        boolean kubernetes = head.contains("apiVersion") && head.contains("kind");
        return services && !kubernetes && (name.contains("compose") || head.contains("image:") || head.contains("build:"));
    }

    @Override
    public boolean describesTopology() {
        return true;
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        var result = new IngestResult.Builder(FORMAT, input.name());
        List<ManifestReader.Document> docs = ManifestReader.documents(input);
        if (docs.isEmpty() || docs.getFirst().tree() == null) {
            return result.build();
        }
        JsonNode services = docs.getFirst().tree().path("services");
        if (!services.isObject()) {
            throw new MalformedInputException(input.name(), "services", "must be a map of service name to definition");
        }
        Set<String> names = new LinkedHashSet<>();
        services.fieldNames().forEachRemaining(names::add);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode svc = services.path(name);
            if (!svc.isObject()) {
                result.reject("services." + name, "must be a map (image, depends_on, environment, ...)");
                continue;
            }
            var props = new LinkedHashMap<String, Object>();
            props.put("source", "compose");
            if (svc.path("image").isTextual()) {
                props.put("image", svc.path("image").asText());
            }
            if (svc.path("deploy").path("replicas").canConvertToInt()) {
                props.put("replicas", svc.path("deploy").path("replicas").asInt());
            }
            String key = EntityKeys.service(name);
            writer.entity(new Entity(key, EntityTypes.SERVICE, name, props, Set.of(), null, null));
            keys.put(name, key);
            result.accept(EntityTypes.SERVICE);
        }
        for (String name : keys.keySet()) {
            JsonNode svc = services.path(name);
            var targets = new LinkedHashMap<String, String>(); // dependency -> where it was declared
            dependsOn(svc.path("depends_on"), "services." + name + ".depends_on", targets);
            JsonNode links = svc.path("links");
            for (int i = 0; i < links.size(); i++) {
                targets.putIfAbsent(links.get(i).asText().split(":", 2)[0], "services." + name + ".links[" + i + "]");
            }
            for (Map.Entry<String, String> env : environment(svc.path("environment")).entrySet()) {
                Matcher m = HOST.matcher(env.getValue());
                while (m.find()) {
                    String host = m.group(1);
                    if (!host.equals(name) && keys.containsKey(host)) {
                        targets.putIfAbsent(host, "services." + name + ".environment." + env.getKey());
                    }
                }
            }
            for (Map.Entry<String, String> t : targets.entrySet()) {
                String to = keys.get(t.getKey());
                if (to == null) {
                    result.reject(t.getValue(), "no service named '" + t.getKey() + "' in this file");
                    continue;
                }
                writer.relationship(new Relationship(RelationshipTypes.DEPENDS_ON, keys.get(name), to,
                        Map.of("declaredIn", t.getValue()), null, null));
                result.accept(RelationshipTypes.DEPENDS_ON);
            }
        }
        return result.build();
    }

    private static void dependsOn(JsonNode node, String where, Map<String, String> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.putIfAbsent(node.get(i).asText(), where + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(n -> out.putIfAbsent(n, where + "." + n));
        }
    }

    /** Environment entries with a value, from the list ({@code K=V}) or the map form. */
    private static Map<String, String> environment(JsonNode node) {
        var out = new LinkedHashMap<String, String>();
        if (node.isArray()) {
            for (JsonNode e : node) {
                String[] kv = e.asText().split("=", 2);
                if (kv.length == 2 && !kv[1].isBlank()) {
                    out.put(kv[0], kv[1]);
                }
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().asText().isBlank()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }
}
