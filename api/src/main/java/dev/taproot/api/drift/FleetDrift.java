package dev.taproot.api.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.TopologyReads;

/**
 * Version and configuration drift across namespaces (and clusters, whose workloads the graph keeps
 * apart by key): the same workload running another image version than the rest of the fleet, or the
 * same images under a different pod template (environment, arguments, mounted configuration); and
 * pairs of versions that run side by side in one namespace although they are known to break.
 * Read from the graph as ingested, so it is as current as the last ingest of the manifests or cluster.
 */
public final class FleetDrift {

    /** The workload kinds compared. */
    public static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet");
    /** Workloads read per kind. */
    static final int LIMIT = 50_000;

    /** One running copy of a workload. */
    public record Place(String namespace, String key, String image, String version, String templateHash) {
    }

    /**
     * A workload whose image version differs between places.
     *
     * @param fleetVersion the version most places run (null when no version is held by more than one)
     * @param outliers     the places that do not run it
     */
    public record VersionDrift(String workload, String kind, String component, String fleetVersion, List<Place> places,
                               List<Place> outliers) {

        public String sentence() {
            var sb = new StringBuilder(kind).append(' ').append(workload).append(" (").append(component).append(')');
            if (fleetVersion == null) {
                sb.append(" runs ").append(places.size()).append(" different versions: ");
                sb.append(String.join(", ", places.stream().map(p -> p.version() + " in " + p.namespace()).toList()));
            } else {
                sb.append(": the fleet runs ").append(fleetVersion).append(" (").append(places.size() - outliers.size())
                        .append(" of ").append(places.size()).append("); ");
                sb.append(String.join(", ", outliers.stream().map(p -> p.namespace() + " runs " + p.version()).toList()));
            }
            return sb.toString();
        }
    }

    /** A workload with the same images everywhere but different pod templates. */
    public record ConfigDrift(String workload, String kind, List<Place> places) {

        public String sentence() {
            var byHash = new TreeMap<String, List<String>>();
            places.forEach(p -> byHash.computeIfAbsent(p.templateHash(), h -> new ArrayList<>()).add(p.namespace()));
            return kind + " " + workload + ": same images, " + byHash.size() + " different pod templates ("
                    + String.join("; ", byHash.values().stream().map(ns -> String.join(", ", ns)).toList())
                    + "): environment, arguments or mounted configuration differ";
        }
    }

    /** Two versions known to break, running side by side. */
    public record KnownBadPair(String namespace, String component, String version, String with, String withVersion,
                               String note, String source) {

        public String sentence() {
            return "in " + namespace + ", " + component + " " + version + " runs with " + with + " " + withVersion
                    + ", a pair known to break" + (note.isBlank() ? "" : " (" + note + ")") + " [" + source + "]";
        }
    }

    /**
     * Everything found, with how many workloads were compared.
     *
     * @param compatibility the version pairs known to break that were checked: declared and learned, each with its origin
     */
    public record Report(int workloads, List<VersionDrift> versions, List<ConfigDrift> configs, List<KnownBadPair> knownBad,
                         List<Compatibility.Pair> compatibility) {

        public List<String> lines() {
            var out = new ArrayList<String>();
            versions.forEach(v -> out.add("version drift: " + v.sentence()));
            configs.forEach(c -> out.add("config drift:  " + c.sentence()));
            knownBad.forEach(k -> out.add("known bad:     " + k.sentence()));
            compatibility.forEach(p -> out.add("known pair:    " + p.sentence()));
            out.add("drift: " + workloads + " workloads compared, " + versions.size() + " with version drift, "
                    + configs.size() + " with config drift, " + knownBad.size() + " known-bad pairs running");
            return out;
        }
    }

    private final TopologyReads store;

    public FleetDrift(TopologyReads store) {
        this.store = store;
    }

    public Report report(Compatibility compatibility) {
        var byWorkload = new TreeMap<String, List<Place>>();
        var kinds = new LinkedHashMap<String, String>();
        int n = 0;
        for (String kind : KINDS) {
            for (Entity e : store.entities(kind, LIMIT)) {
                n++;
                String id = kind + "/" + e.name();
                kinds.put(id, kind);
                for (Place p : places(e)) {
                    byWorkload.computeIfAbsent(id, k -> new ArrayList<>()).add(p);
                }
            }
        }
        var versions = new ArrayList<VersionDrift>();
        var configs = new ArrayList<ConfigDrift>();
        byWorkload.forEach((id, places) -> {
            String kind = kinds.get(id);
            String name = id.substring(kind.length() + 1);
            var byComponent = new TreeMap<String, List<Place>>();
            places.forEach(p -> byComponent.computeIfAbsent(component(p.image()), c -> new ArrayList<>()).add(p));
            boolean versionDrift = false;
            for (var c : byComponent.entrySet()) {
                List<Place> ps = c.getValue();
                if (ps.size() < 2 || ps.stream().map(Place::version).distinct().count() < 2) {
                    continue;
                }
                versionDrift = true;
                String fleet = majority(ps);
                versions.add(new VersionDrift(name, kind, c.getKey(), fleet, ps,
                        ps.stream().filter(p -> fleet == null || !fleet.equals(p.version())).toList()));
            }
            List<Place> distinctCopies = distinctByKey(places);
            if (!versionDrift && distinctCopies.size() > 1
                    && distinctCopies.stream().map(Place::templateHash).filter(h -> h != null).distinct().count() > 1) {
                configs.add(new ConfigDrift(name, kind, distinctCopies));
            }
        });
        return new Report(n, versions, configs, knownBad(byWorkload.values(), compatibility), compatibility.pairs());
    }

    private static List<Place> places(Entity e) {
        String ns = namespace(e);
        Object hash = e.properties().get("podTemplateHash");
        var out = new ArrayList<Place>();
        for (String image : images(e.properties().get("images"))) {
            out.add(new Place(ns, e.key(), image, version(image), hash == null ? null : hash.toString()));
        }
        return out;
    }

    private static List<String> images(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(Object::toString).toList();
        }
        if (v instanceof String[] a) {
            return List.of(a);
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    static String namespace(Entity e) {
        Object ns = e.properties().get("namespace");
        if (ns != null) {
            return ns.toString();
        }
        String[] parts = e.key().split("/");
        return parts.length >= 4 && parts[0].equals("k8s") ? parts[1] : "default";
    }

    /** The image without its tag or digest: {@code registry/repo/name}. */
    static String component(String image) {
        String s = image;
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(0, at);
        }
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    /** The tag (or digest); {@code latest} when none is given, as the runtime reads it. */
    static String version(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }

    private static String shortName(String component) {
        return component.substring(component.lastIndexOf('/') + 1);
    }

    private static String majority(List<Place> ps) {
        var counts = new TreeMap<String, Integer>();
        ps.forEach(p -> counts.merge(p.version(), 1, Integer::sum));
        int max = counts.values().stream().max(Integer::compare).orElse(0);
        var top = counts.entrySet().stream().filter(e -> e.getValue() == max).toList();
        return max > 1 && top.size() == 1 ? top.get(0).getKey() : null;
    }

    private static List<Place> distinctByKey(List<Place> places) {
        var m = new LinkedHashMap<String, Place>();
        places.forEach(p -> m.putIfAbsent(p.key(), p));
        return List.copyOf(m.values());
    }

    private static List<KnownBadPair> knownBad(Collection<List<Place>> all, Compatibility compatibility) {
        if (compatibility.pairs().isEmpty()) {
            return List.of();
        }
        // per namespace: component name (workload name and image name) -> versions running
        var byNamespace = new TreeMap<String, Map<String, List<String>>>();
        for (List<Place> places : all) {
            for (Place p : places) {
                String workload = p.key().substring(p.key().lastIndexOf('/') + 1);
                var names = byNamespace.computeIfAbsent(p.namespace(), k -> new TreeMap<>());
                names.computeIfAbsent(workload, k -> new ArrayList<>()).add(p.version());
                String image = shortName(component(p.image()));
                if (!image.equals(workload)) {
                    names.computeIfAbsent(image, k -> new ArrayList<>()).add(p.version());
                }
            }
        }
        var out = new ArrayList<KnownBadPair>();
        byNamespace.forEach((ns, names) -> {
            for (Compatibility.Pair pair : compatibility.pairs()) {
                for (String v : names.getOrDefault(pair.component(), List.of())) {
                    for (String w : names.getOrDefault(pair.with(), List.of())) {
                        if (pair.matches(pair.component(), v, pair.with(), w)) {
                            out.add(new KnownBadPair(ns, pair.component(), v, pair.with(), w, pair.note(), pair.origin()));
                        }
                    }
                }
            }
        });
        out.sort(Comparator.comparing(KnownBadPair::namespace).thenComparing(KnownBadPair::component));
        return out.stream().distinct().toList();
    }
}
