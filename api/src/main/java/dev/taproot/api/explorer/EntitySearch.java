package dev.taproot.api.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.TopologyReads;

/**
 * Finds entities by key, name or alias: exact matches first (from the store), then fuzzy ones (prefix,
 * substring, then edit distance) over a catalog of names cached for 30 seconds.
 */
public final class EntitySearch {

    /** How many entities the fuzzy catalog holds at most. */
    public static final int DEFAULT_CATALOG_LIMIT = 200_000;
    private static final long CATALOG_TTL_NANOS = 30_000_000_000L;

    private final TopologyReads store;
    private volatile Catalog catalog = new Catalog(List.of(), Map.of());
    private volatile long loadedAt;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

    /** The cached entities and an index of their lower-cased keys, names and aliases. */
    private record Catalog(List<Entity> entities, Map<String, List<Entity>> exact) {
    }

    /** One hit and how it matched. */
    public record Hit(Entity entity, String match, double score) {
    }

    public EntitySearch(TopologyReads store) {
        this.store = store;
    }

    /** Up to {@code limit} entities matching {@code query}, best first. */
    public List<Hit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("q is required: an entity key, name or alias");
        }
        String q = query.strip();
        var hits = new LinkedHashMap<String, Hit>();
        Catalog cached = catalog();
        // exact matches from the cached index; the store answers for anything added since it was read
        List<Entity> exact = cached.exact().getOrDefault(q.toLowerCase(Locale.ROOT), List.of());
        for (Entity e : exact.isEmpty() ? store.findEntities(q) : exact) {
            hits.put(e.key(), new Hit(e, e.key().equals(q) ? "key" : "name", 1.0));
        }
        if (hits.size() < limit) {
            String lower = q.toLowerCase(Locale.ROOT);
            var fuzzy = new ArrayList<Hit>();
            for (Entity e : cached.entities()) {
                if (hits.containsKey(e.key())) {
                    continue;
                }
                double best = 0;
                String how = null;
                for (String candidate : names(e)) {
                    double s = similarity(lower, candidate.toLowerCase(Locale.ROOT));
                    if (s > best) {
                        best = s;
                        how = candidate.equals(e.name()) ? "fuzzy-name" : candidate.equals(e.key()) ? "fuzzy-key" : "fuzzy-alias";
                    }
                }
                if (best >= (hits.isEmpty() ? 0.6 : 0.8)) {
                    fuzzy.add(new Hit(e, how, best));
                }
            }
            fuzzy.sort(Comparator.comparingDouble(Hit::score).reversed()
                    .thenComparing(h -> typeRank(h.entity().type())).thenComparing(h -> h.entity().key()));
            for (Hit h : fuzzy) {
                if (hits.size() >= limit) {
                    break;
                }
                hits.put(h.entity().key(), h);
            }
        }
        var out = new ArrayList<>(hits.values());
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> typeRank(h.entity().type())));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** Services first: they are what people search for. */
    private static int typeRank(String type) {
        return switch (type) {
            case "Service" -> 0;
            case "Deployment", "StatefulSet", "DaemonSet" -> 1;
            case "Unresolved" -> 9;
            default -> 5;
        };
    }

    private static List<String> names(Entity e) {
        var names = new ArrayList<String>();
        names.add(e.name());
        names.add(e.key());
        names.addAll(e.aliases());
        return names;
    }

    /**
     * 1 for equal, 0.9 for a prefix, 0.8 for a substring, else 1 - edit distance / length (bounded).
     */
    static double similarity(String q, String candidate) {
        if (candidate.equals(q)) {
            return 1;
        }
        if (candidate.startsWith(q)) {
            return 0.9;
        }
        if (q.length() >= 3 && candidate.contains(q)) {
            return 0.8;
        }
        int max = Math.max(q.length(), candidate.length());
        if (Math.abs(q.length() - candidate.length()) > max / 2) {
            return 0;
        }
        return 1.0 - (double) levenshtein(q, candidate) / max;
    }

    static int levenshtein(String a, String b) {
        return org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(a, b);
    }

    private Catalog catalog() {
        Catalog current = catalog;
        boolean stale = System.nanoTime() - loadedAt > CATALOG_TTL_NANOS;
        if (current.entities().isEmpty()) {
            synchronized (this) {
                if (catalog.entities().isEmpty()) {
                    reload();
                }
                return catalog;
            }
        }
        // one caller refreshes a stale catalog; the others keep answering from the previous one
        if (stale && refreshing.compareAndSet(false, true)) {
            try {
                reload();
            } finally {
                refreshing.set(false);
            }
        }
        return catalog;
    }

    private void reload() {
        List<Entity> all = store.entities(null, DEFAULT_CATALOG_LIMIT);
        var exact = new java.util.HashMap<String, List<Entity>>();
        for (Entity e : all) {
            for (String n : names(e)) {
                exact.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
        catalog = new Catalog(all, exact);
        loadedAt = System.nanoTime();
    }

    /** Resolves a key, name or alias to exactly one entity, preferring services; 404 when none. */
    public Entity resolve(String keyOrName) {
        List<Hit> hits = search(keyOrName, 1);
        if (hits.isEmpty()) {
            throw new dev.taproot.api.web.Problem(404, "Not found", "no entity matches '" + keyOrName + "'",
                    Map.of("query", keyOrName));
        }
        return hits.get(0).entity();
    }
}
