package dev.taproot.rules.pack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.model.Condition;
import dev.taproot.rules.model.EntityRelation;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.RuleExample;
import dev.taproot.rules.model.SignalPattern;
import dev.taproot.rules.model.ThresholdOverride;
import dev.taproot.rules.model.TimeRelation;

/** Turns one YAML rule node into a validated {@link Rule}, naming file, line and field on error. */
final class RuleReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final String file;
    private final String[] lines;
    private final Vocabulary vocabulary;

    RuleReader(String file, String text, Vocabulary vocabulary) {
        this.file = file;
        this.lines = text.split("\n", -1);
        this.vocabulary = vocabulary;
    }

    Rule read(JsonNode node, int index) {
        String where = "rules[" + index + "]";
        if (!node.isObject()) {
            throw new RuleFileException(file, 0, where, "a rule must be a mapping");
        }
        String id = text(node, "id", null, where);
        if (!ID.matcher(id).matches()) {
            throw error(id, "id", "'" + id + "' must be area.kebab-name, for example k8s.oom-killed-restarts");
        }
        String title = text(node, "title", id, id);
        String category = text(node, "category", id, id);
        SignalPattern cause = pattern(node.get("cause"), id, "cause");
        SignalPattern effect = pattern(node.get("effect"), id, "effect");
        EntityRelation relation = relation(node.get("relation"), id);
        TimeRelation time = time(node.get("time"), id);
        double confidence = node.path("confidence").asDouble(Double.NaN);
        if (!(confidence > 0 && confidence <= 1)) {
            throw error(id, "confidence", "must be a number in (0, 1]");
        }
        String message = node.path("message").asText(title);
        Map<String, Double> thresholds = numbers(node.get("thresholds"), id, "thresholds");
        var overrides = new ArrayList<ThresholdOverride>();
        for (JsonNode o : iterable(node.get("overrides"), id, "overrides")) {
            overrides.add(new ThresholdOverride(o.path("entity").textValue(), o.path("namespace").textValue(),
                    o.path("type").textValue(), numbers(o.get("thresholds"), id, "overrides.thresholds")));
        }
        checkThresholdsUsed(cause, thresholds, id, "cause");
        checkThresholdsUsed(effect, thresholds, id, "effect");
        var examples = new ArrayList<RuleExample>();
        for (JsonNode e : iterable(node.get("examples"), id, "examples")) {
            examples.add(new RuleExample(e.path("name").asText("example"), strings(e.get("entities"), id, "examples.entities"),
                    strings(e.get("relations"), id, "examples.relations"), strings(e.get("signals"), id, "examples.signals"),
                    text(e, "expect", id, id)));
        }
        return new Rule(id, title, category, cause, effect, relation, time, confidence, message, thresholds,
                overrides, examples, file);
    }

    private SignalPattern pattern(JsonNode node, String id, String field) {
        if (node == null || !node.isObject()) {
            throw error(id, field, "required: a mapping with 'signal' (and optional 'on', 'where')");
        }
        List<String> types = strings(node.get("signal"), id, field + ".signal");
        if (types.isEmpty()) {
            throw error(id, field + ".signal", "at least one signal type is required");
        }
        for (String t : types) {
            if (!vocabulary.knows(t) || !vocabulary.isA(t, "Signal")) {
                throw error(id, field + ".signal", "'" + t + "' is not a signal type of the vocabulary");
            }
        }
        List<String> on = strings(node.get("on"), id, field + ".on");
        for (String t : on) {
            if (!vocabulary.knows(t) || !vocabulary.isA(t, "Entity")) {
                throw error(id, field + ".on", "'" + t + "' is not an entity type of the vocabulary");
            }
        }
        var conditions = new ArrayList<Condition>();
        JsonNode w = node.get("where");
        if (w != null && !w.isNull()) {
            if (!w.isObject()) {
                throw error(id, field + ".where", "must map attribute names to conditions");
            }
            for (var it = w.fields(); it.hasNext(); ) {
                var f = it.next();
                try {
                    conditions.add(Condition.parse(f.getKey(), f.getValue().asText()));
                } catch (RuntimeException e) {
                    throw error(id, field + ".where." + f.getKey(), dev.taproot.graph.store.ErrorMessages.describe(e));
                }
            }
        }
        return new SignalPattern(types, on, conditions);
    }

    private EntityRelation relation(JsonNode node, String id) {
        if (node == null || node.isNull()) {
            return new EntityRelation(EntityRelation.Kind.SAME_ENTITY, EntityRelation.DEFAULT_MAX_HOPS);
        }
        try {
            if (node.isTextual()) {
                return new EntityRelation(EntityRelation.Kind.parse(node.asText()), EntityRelation.DEFAULT_MAX_HOPS);
            }
            int hops = node.path("hops").asInt(EntityRelation.DEFAULT_MAX_HOPS);
            if (hops < 1 || hops > 6) {
                throw error(id, "relation.hops", "must be between 1 and 6");
            }
            return new EntityRelation(EntityRelation.Kind.parse(node.path("kind").asText("")), hops);
        } catch (IllegalArgumentException e) {
            throw error(id, "relation", dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    private TimeRelation time(JsonNode node, String id) {
        if (node == null || node.isNull()) {
            return TimeRelation.defaults();
        }
        return new TimeRelation(duration(node.get("before"), TimeRelation.DEFAULT_MAX_BEFORE, id, "time.before"),
                duration(node.get("after"), TimeRelation.DEFAULT_MAX_AFTER, id, "time.after"));
    }

    private Duration duration(JsonNode node, Duration fallback, String id, String field) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        var m = DURATION.matcher(node.asText().strip());
        if (!m.matches()) {
            throw error(id, field, "'" + node.asText() + "' is not a duration like 30s, 10m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private void checkThresholdsUsed(SignalPattern p, Map<String, Double> thresholds, String id, String field) {
        for (Condition c : p.where()) {
            if (c.value().startsWith("$") && !thresholds.containsKey(c.value().substring(1))) {
                throw error(id, field + ".where." + c.attribute(), "threshold " + c.value()
                        + " has no default under 'thresholds'");
            }
        }
    }

    private Map<String, Double> numbers(JsonNode node, String id, String field) {
        var out = new LinkedHashMap<String, Double>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw error(id, field, "must map names to numbers");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var f = it.next();
            if (!f.getValue().isNumber()) {
                throw error(id, field + "." + f.getKey(), "must be a number");
            }
            out.put(f.getKey(), f.getValue().asDouble());
        }
        return out;
    }

    private List<String> strings(JsonNode node, String id, String field) {
        var out = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
            return out;
        }
        if (!node.isArray()) {
            throw error(id, field, "must be a string or a list of strings");
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Iterable<JsonNode> iterable(JsonNode node, String id, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(id, field, "must be a list");
        }
        return node;
    }

    private String text(JsonNode node, String field, String id, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw error(id, field, "required (in " + where + ")");
        }
        return v.asText();
    }

    private RuleFileException error(String id, String field, String problem) {
        return new RuleFileException(file, lineOf(id, field), (id == null ? "" : id + ".") + field, problem);
    }

    /**
     * The line of a dotted field path ({@code effect.signal}) inside the rule {@code id}: each part is
     * searched from the line of the previous one, as a block key or an inline key (1-based; the rule's
     * line when a part is not found).
     */
    int lineOf(String id, String field) {
        int start = 0;
        if (id != null) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].matches("\\s*-?\\s*id:\\s*['\"]?" + Pattern.quote(id) + "['\"]?\\s*(#.*)?")) {
                    start = i;
                    break;
                }
            }
        }
        int end = lines.length;
        for (int i = start + 1; i < lines.length; i++) {
            if (lines[i].matches("\\s*-\\s*id:.*")) {
                end = i;
                break;
            }
        }
        int at = start;
        for (String part : field.split("\\.")) {
            Pattern key = Pattern.compile("(^\\s*-?\\s*|[{,]\\s*)" + Pattern.quote(part) + ":");
            for (int i = at; i < end; i++) {
                if (key.matcher(lines[i]).find()) {
                    at = i;
                    break;
                }
            }
        }
        return at + 1;
    }
}
