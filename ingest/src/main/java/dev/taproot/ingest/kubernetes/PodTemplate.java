package dev.taproot.ingest.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.taproot.ingest.Json;

/**
 * What a pod spec says about dependencies: container images, the values of env vars and arguments
 * (which may name other services), the ConfigMaps and Secrets it reads (env, envFrom, volumes,
 * projected volumes) and the volume claims it mounts.
 *
 * @param labels      the pod template's labels (what Service selectors match)
 * @param images      container images, init containers included
 * @param envValues   literal env values (may name services: {@code redis-cart:6379})
 * @param args        container command and args tokens
 * @param configMaps  ConfigMap names read
 * @param secrets     Secret names read
 * @param claims      PersistentVolumeClaim names mounted
 * @param hash        a short stable hash of the whole template (a change means a rollout)
 */
record PodTemplate(Map<String, String> labels, List<String> images, List<String> envValues, List<String> args,
                   Set<String> configMaps, Set<String> secrets, Set<String> claims, String hash) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    /** Reads a template ({@code metadata} + {@code spec}); {@code spec} alone works for bare pods. */
    static PodTemplate of(JsonNode metadata, JsonNode spec, JsonNode whole) {
        var images = new ArrayList<String>();
        var env = new ArrayList<String>();
        var args = new ArrayList<String>();
        var configMaps = new LinkedHashSet<String>();
        var secrets = new LinkedHashSet<String>();
        var claims = new LinkedHashSet<String>();
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : Json.elements(Json.at(spec, list))) {
                String image = Json.text(c, "image");
                if (image != null) {
                    images.add(image);
                }
                for (JsonNode e : Json.elements(c.get("env"))) {
                    String v = Json.text(e, "value");
                    if (v != null) {
                        env.add(v);
                    }
                    addIfText(configMaps, Json.text(e, "valueFrom", "configMapKeyRef", "name"));
                    addIfText(secrets, Json.text(e, "valueFrom", "secretKeyRef", "name"));
                }
                for (JsonNode e : Json.elements(c.get("envFrom"))) {
                    addIfText(configMaps, Json.text(e, "configMapRef", "name"));
                    addIfText(secrets, Json.text(e, "secretRef", "name"));
                }
                for (String field : List.of("command", "args")) {
                    Json.elements(c.get(field)).forEach(a -> args.add(a.asText()));
                }
            }
        }
        for (JsonNode v : Json.elements(Json.at(spec, "volumes"))) {
            addIfText(configMaps, Json.text(v, "configMap", "name"));
            addIfText(secrets, Json.text(v, "secret", "secretName"));
            addIfText(claims, Json.text(v, "persistentVolumeClaim", "claimName"));
            for (JsonNode src : Json.elements(Json.at(v, "projected", "sources"))) {
                addIfText(configMaps, Json.text(src, "configMap", "name"));
                addIfText(secrets, Json.text(src, "secret", "name"));
            }
        }
        for (JsonNode s : Json.elements(Json.at(spec, "imagePullSecrets"))) {
            addIfText(secrets, Json.text(s, "name"));
        }
        return new PodTemplate(Json.strings(Json.at(metadata, "labels")), images, env, args, configMaps, secrets,
                claims, hash(whole));
    }

    private static void addIfText(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    /** A short SHA-256 of a tree in canonical form (sorted keys). */
    static String hash(JsonNode tree) {
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(tree);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a tree", e);
        }
    }

    /** Hash of a string map (ConfigMap data). */
    static String hash(Map<String, String> data) {
        JsonNode tree = CANONICAL.valueToTree(new java.util.TreeMap<>(data));
        return hash(tree);
    }

    /** Labels as {@code k=v} strings, for flat properties. */
    static List<String> pairs(Map<String, String> labels) {
        var out = new ArrayList<String>();
        new LinkedHashMap<>(labels).forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /** Whether every selector pair is among the labels (an empty selector matches nothing). */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
