package dev.taproot.rules.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.rules.model.RuleExample;

/** Builds the small graph of a rule example from its compact lines. */
public final class ExampleGraph {

    /** The reference time of examples: signal offsets are relative to it. */
    public static final Instant T0 = Instant.parse("2024-01-01T12:00:00Z");
    private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d+)(s|m|h)?");

    private ExampleGraph() {
    }

    /**
     * The example's entities, relationships and signals; a bad line fails with its index. Every key a
     * relation or signal names must be listed under {@code entities}, so that its type is never guessed.
     */
    public static Subgraph build(RuleExample example) {
        var entities = new LinkedHashMap<String, Entity>();
        for (int i = 0; i < example.entities().size(); i++) {
            String[] p = example.entities().get(i).trim().split("\\s+");
            if (p.length != 2) {
                throw new IllegalArgumentException("entities[" + i + "]: expected 'Type key', got '" + example.entities().get(i) + "'");
            }
            entities.put(p[1], Entity.of(p[1], p[0], p[1].substring(p[1].lastIndexOf('/') + 1)));
        }
        var relationships = new ArrayList<Relationship>();
        for (int i = 0; i < example.relations().size(); i++) {
            String[] p = example.relations().get(i).trim().split("\\s+");
            if (p.length != 3) {
                throw new IllegalArgumentException("relations[" + i + "]: expected 'from TYPE to', got '" + example.relations().get(i) + "'");
            }
            declared(entities, p[0], "relations[" + i + "]");
            declared(entities, p[2], "relations[" + i + "]");
            relationships.add(Relationship.of(p[1], p[0], p[2]));
        }
        var signals = new ArrayList<Signal>();
        for (int i = 0; i < example.signals().size(); i++) {
            String line = example.signals().get(i);
            String[] p = line.trim().split("\\s+");
            if (p.length < 3) {
                throw new IllegalArgumentException("signals[" + i + "]: expected 'Type entity offset [attr=value ...]', got '" + line + "'");
            }
            Instant start = T0.plus(offset(p[2], i));
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int k = 3; k < p.length; k++) {
                int eq = p[k].indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("signals[" + i + "]: attribute '" + p[k] + "' is not name=value");
                }
                String v = p[k].substring(eq + 1);
                attrs.put(p[k].substring(0, eq), v.matches("-?\\d+(\\.\\d+)?") ? (Object) Double.parseDouble(v) : v);
            }
            declared(entities, p[1], "signals[" + i + "]");
            signals.add(new Signal("example/" + i, p[0], p[1], p[0], Severity.ERROR, start, start.plusSeconds(300),
                    attrs, "example"));
        }
        return new Subgraph(new ArrayList<>(entities.values()), relationships, signals);
    }

    private static void declared(Map<String, Entity> entities, String key, String where) {
        if (!entities.containsKey(key)) {
            throw new IllegalArgumentException(where + ": entity '" + key + "' is not listed under entities");
        }
    }

    private static Duration offset(String text, int index) {
        Matcher m = OFFSET.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("signals[" + index + "]: offset '" + text + "' is not like -5m, 0 or +30s");
        }
        long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        String unit = m.group(3) == null ? "s" : m.group(3);
        return switch (unit) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
