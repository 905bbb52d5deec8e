package dev.taproot.api.drift;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.ChangeFact;
import dev.taproot.rules.engine.ChangeFacts;
import dev.taproot.rules.causal.Topology;

/**
 * Version knowledge as evidence for the engine. For each change that names the version it rolled out:
 * <ul>
 *   <li>a <b>known-bad pair</b> when that version, next to what a unit it calls, or that calls it, ran at the
 *       time, is a pair declared in the compatibility file or learned from a past incident;</li>
 *   <li><b>fleet drift</b> when the change was made to one copy of a workload (one namespace or cluster) and
 *       the other copies of that workload mostly run another version.</li>
 * </ul>
 */
public final class VersionFacts implements ChangeFacts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final GraphReads store;
    private final VersionKnowledge knowledge;
    private final Vocabulary vocabulary;

    public VersionFacts(GraphReads store, VersionKnowledge knowledge, Vocabulary vocabulary) {
        this.store = store;
        this.knowledge = knowledge;
        this.vocabulary = vocabulary;
    }

    @Override
    public List<ChangeFact> about(Topology topology, List<Signal> changes) {
        var versions = new RunningVersions(topology, changes, store, vocabulary);
        Compatibility compatibility = null;
        var out = new ArrayList<ChangeFact>();
        for (Signal change : changes) {
            List<RunningVersions.Running> rolled = versions.rolledOut(change);
            if (rolled.isEmpty()) {
                continue;
            }
            if (compatibility == null) {
                compatibility = knowledge.all();
            }
            out.addAll(knownBad(change, rolled, topology.unit(change.entityKey()), versions, compatibility));
            out.addAll(drift(change, topology));
        }
        return out;
    }

    private List<ChangeFact> knownBad(Signal change, List<RunningVersions.Running> rolled, String unit,
                                      RunningVersions versions, Compatibility compatibility) {
        if (compatibility.pairs().isEmpty()) {
            return List.of();
        }
        var out = new LinkedHashMap<String, ChangeFact>();
        for (Map.Entry<String, String> n : versions.neighbours(unit).entrySet()) {
            List<RunningVersions.Running> theirs = versions.at(n.getKey(), change.start());
            for (Compatibility.Pair pair : compatibility.pairs()) {
                for (RunningVersions.Running mine : rolled) {
                    for (RunningVersions.Running other : theirs) {
                        if (!pair.breaks(mine.name(), mine.version(), other.name(), other.version())) {
                            continue;
                        }
                        String ref = "compat:" + pair.component() + "@" + pair.version() + "/" + pair.with() + "@" + pair.withVersion();
                        String otherPattern = pair.with().equals(other.name()) && pair.component().equals(mine.name())
                                ? pair.withVersion() : pair.version();
                        String sentence = rolledOut(change, mine) + "; " + mine.version() + " is known to break with "
                                + other.name() + " " + other.version()
                                + (otherPattern.equals(other.version()) ? "" : " (" + other.name() + " " + otherPattern + ")")
                                + ", " + n.getValue() + " (" + pair.origin()
                                + (pair.note() == null || pair.note().isBlank() ? "" : ": " + pair.note()) + ").";
                        out.putIfAbsent(ref + "|" + n.getKey(), new ChangeFact(change, ChangeFact.Kind.KNOWN_BAD_PAIR, sentence, ref));
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Fleet drift of a change made to one copy of a workload. */
    private List<ChangeFact> drift(Signal change, Topology topology) {
        Entity changed = topology.entity(change.entityKey());
        if (changed == null) {
            changed = store.entity(change.entityKey()).orElse(null);
        }
        if (changed == null || !FleetDrift.KINDS.contains(changed.type())) {
            return List.of();
        }
        var others = new ArrayList<Entity>();
        for (Entity e : store.findEntities(changed.name())) {
            if (e.type().equals(changed.type()) && e.name().equals(changed.name()) && !e.key().equals(changed.key())) {
                others.add(e);
            }
        }
        if (others.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<ChangeFact>();
        for (String token : tokens(change.attributes().get("toVersion"))) {
            boolean image = token.contains("/") || token.contains(":") || token.contains("@");
            String version = image ? FleetDrift.version(token) : token;
            String component = image ? FleetDrift.component(token) : null;
            var counts = new TreeMap<String, Integer>();
            var where = new TreeMap<String, Set<String>>(); // namespaces in name order, whatever the store's order
            for (Entity o : others) {
                String theirs = versionOf(o, component);
                if (theirs != null) {
                    counts.merge(theirs, 1, Integer::sum);
                    where.computeIfAbsent(theirs, k -> new java.util.TreeSet<>()).add(FleetDrift.namespace(o));
                }
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            var top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
            if (top == null || top.getValue() * 2 <= total || top.getKey().equals(version)) {
                continue;
            }
            String name = image ? component.substring(component.lastIndexOf('/') + 1) : changed.name();
            String sentence = rolledOut(change, new RunningVersions.Running(name, version)).replaceFirst(" at ",
                    " in " + FleetDrift.namespace(changed) + " at ") + "; the rest of the fleet runs " + top.getKey() + " ("
                    + top.getValue() + " of " + total + " other " + (total == 1 ? "copy" : "copies") + ": "
                    + String.join(", ", where.get(top.getKey())) + ").";
            out.add(new ChangeFact(change, ChangeFact.Kind.FLEET_DRIFT, sentence,
                    "drift:" + changed.key() + "@" + version));
        }
        return out;
    }

    /** The version another copy runs: the tag of the same image, or of its only image for a bare version. */
    private static String versionOf(Entity copy, String component) {
        var images = new ArrayList<String>();
        Object v = copy.properties().get(dev.taproot.ingest.ObservedChanges.IMAGES);
        if (v instanceof java.util.Collection<?> c) {
            c.forEach(x -> images.add(String.valueOf(x)));
        } else if (v != null) {
            images.add(v.toString());
        }
        if (component == null) {
            return images.size() == 1 ? FleetDrift.version(images.get(0)) : copy.property("version");
        }
        for (String i : images) {
            if (FleetDrift.component(i).equals(component)) {
                return FleetDrift.version(i);
            }
        }
        return null;
    }

    private static List<String> tokens(Object text) {
        var out = new ArrayList<String>();
        if (text != null) {
            for (String t : text.toString().split(",")) {
                if (!t.isBlank()) {
                    out.add(t.strip());
                }
            }
        }
        return out;
    }

    /** The change as a clause: {@code checkoutservice 1.5 was deployed at 2024-05-01 10:02 UTC}. */
    static String rolledOut(Signal change, RunningVersions.Running to) {
        Instant at = change.start();
        return switch (change.type()) {
            case "Deploy" -> to.name() + " " + to.version() + " was deployed at " + WHEN.format(at);
            case "Rollback" -> to.name() + " was rolled back to " + to.version() + " at " + WHEN.format(at);
            default -> to.name() + " changed to " + to.version() + " (" + change.type() + ") at " + WHEN.format(at);
        };
    }
}
