package dev.taproot.rules.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * What to do about one kind of failure.
 *
 * @param id       stable id, area.kebab-name ({@code k8s.crash-loop})
 * @param title    one line
 * @param match    when it applies
 * @param steps    what to do, in order; {@code {entity}}, {@code {service}}, {@code {namespace}} and
 *                 {@code {faultType}} are filled in from the diagnosed cause
 * @param checks   how to confirm the fix worked
 * @param links    documentation
 * @param actions  Kubernetes actions this runbook may propose on the cause ({@link #ACTIONS}); never run
 *                 without an explicit approval
 * @param examples causes it must and must not match ({@code taproot runbooks test})
 * @param file     where it was read from
 */
public record Runbook(String id, String title, Match match, List<String> steps, List<String> checks, List<String> links,
                      List<String> actions, List<Example> examples, String file) {

    /** The actions a runbook may name: restart a rollout, roll back to the previous revision, scale, cordon the node. */
    public static final List<String> ACTIONS = List.of("restart", "rollback", "scale", "cordon");

    public Runbook {
        actions = actions == null ? List.of() : List.copyOf(actions);
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
        links = List.copyOf(links);
        examples = List.copyOf(examples);
    }

    /**
     * When a runbook applies: any listed fault type (or a subtype), alert name, rule id or entity
     * type of the cause. Lists left empty do not constrain; at least one list is required. When
     * {@code entityTypes} is given with another list, both must match.
     */
    public record Match(Set<String> faultTypes, Set<String> alerts, Set<String> rules, Set<String> entityTypes) {

        public Match {
            // kept in file order: the reasons a match gives must read the same on every run
            faultTypes = ordered(faultTypes);
            alerts = ordered(alerts);
            rules = ordered(rules);
            entityTypes = ordered(entityTypes);
        }

        private static Set<String> ordered(Set<String> s) {
            return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(s));
        }

        boolean isEmpty() {
            return faultTypes.isEmpty() && alerts.isEmpty() && rules.isEmpty() && entityTypes.isEmpty();
        }
    }

    /** A cause it must ({@code expect: match}) or must not ({@code expect: no-match}) match. */
    public record Example(String name, RunbookSubject given, boolean expectMatch) {
    }

    /**
     * Why this runbook applies to {@code subject}, or null when it does not. Fault types match their
     * subtypes; alerts and rules by name, ignoring case.
     */
    public Applies applies(RunbookSubject subject, Vocabulary vocabulary) {
        var why = new ArrayList<String>();
        double weight = 0;
        if (!match.faultTypes().isEmpty() || !match.alerts().isEmpty() || !match.rules().isEmpty()) {
            for (String t : match.faultTypes()) {
                if (subject.faultType() != null && (t.equalsIgnoreCase(subject.faultType()) || vocabulary.isA(subject.faultType(), t))) {
                    boolean exact = t.equalsIgnoreCase(subject.faultType());
                    why.add("the cause shows " + subject.faultType() + (exact ? "" : ", a kind of " + t));
                    weight = Math.max(weight, exact ? 2 : 1);
                }
            }
            for (String a : match.alerts()) {
                if (subject.alerts().stream().anyMatch(a::equalsIgnoreCase)) {
                    why.add("alert " + a + " fired on it");
                    weight = Math.max(weight, 3);
                }
            }
            for (String r : match.rules()) {
                if (subject.rules().contains(r)) {
                    why.add("rule " + r + " links it to the symptom");
                    weight = Math.max(weight, 3);
                }
            }
            if (why.isEmpty()) {
                return null;
            }
        }
        if (!match.entityTypes().isEmpty()) {
            String type = subject.entityType();
            String hit = match.entityTypes().stream()
                    .filter(t -> type != null && (t.equalsIgnoreCase(type) || vocabulary.isA(type, t))).findFirst().orElse(null);
            if (hit == null) {
                return null;
            }
            why.add("it is a " + type);
            weight += 0.5;
        }
        return new Applies(this, String.join("; ", why), weight);
    }

    /** These steps, checks or links with the cause's names filled in. */
    public static List<String> fill(List<String> lines, Map<String, String> names) {
        var out = new ArrayList<String>();
        for (String l : lines) {
            String s = l;
            for (var e : names.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", e.getValue() == null ? "<" + e.getKey() + ">" : e.getValue());
            }
            out.add(s);
        }
        return out;
    }

    /** A runbook that applies, why, and how specifically (rule or alert 3, exact fault type 2, a supertype 1; +0.5 for the entity type). */
    public record Applies(Runbook runbook, String why, double weight) {
    }
}
