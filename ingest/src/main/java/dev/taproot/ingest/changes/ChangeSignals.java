package dev.taproot.ingest.changes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;

/** Builds change signals the same way for every change source. */
final class ChangeSignals {

    private ChangeSignals() {
    }

    /** The vocabulary type of a change kind ({@code deploy}, {@code config}, {@code feature-flag}, ...), or null. */
    static String type(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "deploy", "deployment", "release", "rollout" -> "Deploy";
            case "rollback" -> "Rollback";
            case "config", "configuration", "config-change" -> "ConfigChange";
            case "secret", "secret-change", "credentials" -> "SecretChange";
            case "scale", "scaling" -> "ScaleChange";
            case "feature-flag", "flag", "featureflag", "feature" -> "FeatureFlagChange";
            case "infrastructure", "infra", "network", "node" -> "InfrastructureChange";
            default -> null;
        };
    }

    /**
     * Which way a scale change went, from its replica counts: {@code up}, {@code down}, or null when
     * either count is not a number or they are equal (signals carry it as {@code direction}).
     */
    static String scaleDirection(String from, String to) {
        try {
            int c = Double.compare(Double.parseDouble(to.strip()), Double.parseDouble(from.strip()));
            return c > 0 ? "up" : c < 0 ? "down" : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    /**
     * The key of the entity a change names: a known entity (key, name, alias, DNS name), else the
     * logical service of that name.
     */
    static String entityKey(String name, GraphWriter writer) {
        return writer.resolver().find(name).map(Entity::key)
                .orElseGet(() -> writer.resolver().serviceKey(name));
    }

    static Signal signal(String id, String type, String entityKey, String name, Instant at, Instant end,
                         Map<String, Object> attrs, String source) {
        var clean = new LinkedHashMap<String, Object>();
        attrs.forEach((k, v) -> {
            if (v != null) {
                clean.put(k, v);
            }
        });
        return new Signal("change/" + id, type, entityKey, name, Severity.INFO, at,
                end != null && end.isAfter(at) ? end : null, clean, source);
    }
}
