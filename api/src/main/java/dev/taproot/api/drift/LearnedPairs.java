package dev.taproot.api.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.GraphStore;

/**
 * The known-bad version pairs Taproot learned, kept in the graph as {@value #TYPE} entities (one per pair,
 * keyed by both sides) so that they outlive the process, travel with exports and can be queried like any
 * other fact. A pair learned again from another incident keeps one node and adds the incident to it.
 */
public final class LearnedPairs {

    /** The entity type of a learned pair. */
    public static final String TYPE = "KnownBadPair";
    /** Learned pairs read at most. */
    static final int LIMIT = 10_000;

    private final GraphStore store;

    public LearnedPairs(GraphStore store) {
        this.store = store;
    }

    /** Every learned pair, its source naming what it was learned from. */
    public List<Compatibility.Pair> all() {
        var out = new ArrayList<Compatibility.Pair>();
        for (Entity e : store.entities(TYPE, LIMIT)) {
            String component = e.property("component");
            String version = e.property("version");
            String with = e.property("breaksWith");
            String withVersion = e.property("breaksWithVersion");
            if (component == null || version == null || with == null || withVersion == null) {
                continue;
            }
            out.add(new Compatibility.Pair(component, version, with, withVersion, text(e.property("note")),
                    String.join(", ", RunningVersions.strings(e.properties().get("learnedFrom"))), true));
        }
        return out;
    }

    /**
     * Records that {@code component} at {@code version} broke with {@code with} at {@code withVersion}, as
     * {@code source} (for example {@code incident INC-12}) showed.
     */
    public Compatibility.Pair record(String component, String version, String with, String withVersion, String source,
                                     String note, Instant at) {
        String key = "compat/" + component + "@" + version + "/" + with + "@" + withVersion;
        Entity before = store.entity(key).orElse(null);
        var sources = new LinkedHashSet<String>(before == null ? List.of() : RunningVersions.strings(before.properties().get("learnedFrom")));
        sources.add(source);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("component", component);
        props.put("version", version);
        props.put("breaksWith", with);
        props.put("breaksWithVersion", withVersion);
        props.put("learnedFrom", List.copyOf(sources));
        props.put("note", before != null && before.property("note") != null ? before.property("note") : note);
        props.put("learnedAt", before != null && before.property("learnedAt") != null ? before.property("learnedAt") : at.toString());
        store.upsertEntities(List.of(new Entity(key, TYPE, component + " " + version + " breaks with " + with + " " + withVersion,
                props, Set.of(), at, at)));
        return new Compatibility.Pair(component, version, with, withVersion, text((String) props.get("note")),
                String.join(", ", sources), true);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
