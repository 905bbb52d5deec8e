package dev.taproot.api.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.SignalReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.ingest.ObservedChanges;
import dev.taproot.rules.causal.Topology;

/**
 * What each unit of a subgraph ran at a given time, and whom it depends on. A version is read, in this order,
 * from the unit's last change before the time ({@code toVersion}), from its first change after it
 * ({@code fromVersion}), from its last change in the store over {@link #HISTORY}, and last from its
 * workloads' images or a {@code version} property. A change's version is either bare ({@code 1.5.0}: every
 * name of the unit runs it) or a list of images ({@code shop/checkout:1.5}: the image's name runs its tag,
 * and so does the unit when it has a single image).
 */
final class RunningVersions {

    /** How far back the store is asked for a unit's last change when the subgraph holds none. */
    static final Duration HISTORY = Duration.ofDays(90);
    /** Entities of one unit asked about at most in that fallback. */
    private static final int FALLBACK_KEYS = 50;

    /** One name of a unit and the version it runs under that name. */
    record Running(String name, String version) {
    }

    private final Topology topology;
    private final SignalReads store;
    private final Vocabulary vocabulary;
    private final Map<String, List<Entity>> entitiesByUnit = new LinkedHashMap<>();
    private final Map<String, List<Signal>> changesByUnit = new LinkedHashMap<>();
    /** Per unit, its stored changes with a version over the changes' span and {@link #HISTORY} before: one read a unit. */
    private final Map<String, List<Signal>> storedByUnit = new java.util.HashMap<>();
    private final Instant spanStart;
    private final Instant spanEnd;

    RunningVersions(Topology topology, List<Signal> changes, SignalReads store, Vocabulary vocabulary) {
        this.topology = topology;
        this.store = store;
        this.vocabulary = vocabulary;
        topology.entities().values().forEach(e -> entitiesByUnit.computeIfAbsent(topology.unit(e.key()), k -> new ArrayList<>()).add(e));
        for (Signal s : changes) {
            changesByUnit.computeIfAbsent(topology.unit(s.entityKey()), k -> new ArrayList<>()).add(s);
        }
        changesByUnit.values().forEach(l -> l.sort(Comparator.comparing(Signal::start)));
        this.spanStart = changes.stream().map(Signal::start).min(Comparator.naturalOrder()).orElse(null);
        this.spanEnd = changes.stream().map(Signal::start).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The unit's name for people. */
    String name(String unit) {
        Entity e = topology.entity(unit);
        return e == null ? unit.substring(unit.lastIndexOf('/') + 1) : e.name();
    }

    /** The names a compatibility entry may use for the unit: its own and its workloads'. */
    Set<String> names(String unit) {
        var out = new LinkedHashSet<String>();
        out.add(name(unit));
        for (Entity e : entitiesByUnit.getOrDefault(unit, List.of())) {
            if (FleetDrift.KINDS.contains(e.type())) {
                out.add(e.name());
            }
        }
        return out;
    }

    /** The versions a change rolled out, under the unit's names (empty when it names none). */
    List<Running> rolledOut(Signal change) {
        return parse(change.attributes().get("toVersion"), topology.unit(change.entityKey()));
    }

    /** What the unit ran at {@code at} (empty when nothing says). */
    List<Running> at(String unit, Instant at) {
        List<Signal> changes = changesByUnit.getOrDefault(unit, List.of());
        for (int i = changes.size() - 1; i >= 0; i--) {
            Signal s = changes.get(i);
            if (!s.start().isAfter(at) && s.attributes().get("toVersion") != null) {
                return parse(s.attributes().get("toVersion"), unit);
            }
        }
        for (Signal s : changes) {
            if (s.start().isAfter(at) && s.attributes().get("fromVersion") != null) {
                return parse(s.attributes().get("fromVersion"), unit);
            }
        }
        List<Running> fromStore = lastStoredChange(unit, at);
        if (!fromStore.isEmpty()) {
            return fromStore;
        }
        var images = new ArrayList<String>();
        var out = new ArrayList<Running>();
        for (Entity e : entitiesByUnit.getOrDefault(unit, List.of())) {
            images.addAll(strings(e.properties().get(ObservedChanges.IMAGES)));
            if (e.property("version") != null) {
                out.add(new Running(e.name(), e.property("version")));
                out.add(new Running(name(unit), e.property("version")));
            }
        }
        out.addAll(parse(String.join(",", new LinkedHashSet<>(images)), unit));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /**
     * The units the unit depends on or that depend on it, each with how, as seen from the unit
     * ({@code which it calls}, {@code which calls it}, ...).
     */
    Map<String, String> neighbours(String unit) {
        var out = new LinkedHashMap<String, String>();
        topology.callees(unit).forEach(u -> out.putIfAbsent(u, "which it calls"));
        topology.dependencies(unit).forEach(u -> out.putIfAbsent(u, "which it depends on"));
        topology.callers(unit).forEach(u -> out.putIfAbsent(u, "which calls it"));
        for (String other : entitiesByUnit.keySet()) {
            if (topology.dependencies(other).contains(unit)) {
                out.putIfAbsent(other, "which depends on it");
            }
        }
        out.remove(unit);
        return out;
    }

    private List<Running> lastStoredChange(String unit, Instant at) {
        if (store == null) {
            return List.of();
        }
        List<Signal> stored = storedByUnit.computeIfAbsent(unit, u -> {
            List<String> keys = entitiesByUnit.getOrDefault(u, List.of()).stream().map(Entity::key).limit(FALLBACK_KEYS).toList();
            Instant from = (spanStart == null || at.isBefore(spanStart) ? at : spanStart).minus(HISTORY);
            Instant to = spanEnd == null || at.isAfter(spanEnd) ? at : spanEnd;
            return keys.isEmpty() ? List.of() : store.signals(keys, from, to).stream()
                    .filter(s -> vocabulary.isA(s.type(), "Change") && s.attributes().get("toVersion") != null).toList();
        });
        return stored.stream().filter(s -> !s.start().isAfter(at) && !s.start().isBefore(at.minus(HISTORY)))
                .max(Comparator.comparing(Signal::start))
                .map(s -> parse(s.attributes().get("toVersion"), unit)).orElse(List.of());
    }

    /** A version text as running names: bare ({@code 1.5}) for every name of the unit, or images. */
    List<Running> parse(Object text, String unit) {
        if (text == null || text.toString().isBlank()) {
            return List.of();
        }
        var tokens = new ArrayList<String>();
        for (String t : text.toString().split(",")) {
            if (!t.isBlank()) {
                tokens.add(t.strip());
            }
        }
        var out = new LinkedHashSet<Running>();
        for (String t : tokens) {
            boolean image = t.contains("/") || t.contains(":") || t.contains("@");
            String version = image ? FleetDrift.version(t) : t;
            if (image) {
                String component = FleetDrift.component(t);
                out.add(new Running(component.substring(component.lastIndexOf('/') + 1), version));
            }
            if (!image || tokens.size() == 1) {
                names(unit).forEach(n -> out.add(new Running(n, version)));
            }
        }
        return List.copyOf(out);
    }

    /** A stored list property (a list, an array or one value) as strings. */
    static List<String> strings(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (v instanceof String[] a) {
            return List.of(a);
        }
        return v == null ? List.of() : List.of(v.toString());
    }
}
