package dev.taproot.graph.model;

import java.util.Locale;

/**
 * The one place that builds entity keys, so that every source names the same thing the same way.
 * Logical services are keyed by name alone ({@code service/cartservice}) because traces, alerts and
 * catalogs rarely know the namespace; a same-named service of a second namespace is
 * {@code service/<name>.<namespace>}; Kubernetes objects carry their namespace.
 */
public final class EntityKeys {

    private EntityKeys() {
    }

    /** A logical service: {@code service/<name>}. */
    public static String service(String name) {
        return "service/" + normalise(name);
    }

    /**
     * A logical service whose name another namespace already holds: {@code service/<name>.<namespace>}
     * (its Kubernetes DNS short form), so same-named services of two namespaces stay two entities.
     */
    public static String service(String name, String namespace) {
        return "service/" + normalise(name) + "." + normalise(namespace);
    }

    /** A namespaced Kubernetes object: {@code k8s/<namespace>/<Kind>/<name>}. */
    public static String k8s(String namespace, String kind, String name) {
        String ns = namespace == null || namespace.isBlank() ? "default" : namespace;
        return "k8s/" + ns + "/" + kind + "/" + name;
    }

    /** A cluster-scoped Kubernetes object (Node, Namespace, PersistentVolume): {@code k8s/<Kind>/<name>}. */
    public static String k8sCluster(String kind, String name) {
        return "k8s/" + kind + "/" + name;
    }

    /** A host or machine outside Kubernetes: {@code host/<name>}. */
    public static String host(String name) {
        return "host/" + normalise(name);
    }

    /** Any other typed thing: {@code <type>/<name>} with the type in lower case. */
    public static String of(String type, String name) {
        return type.toLowerCase(Locale.ROOT) + "/" + name;
    }

    /** Service names compare case-insensitively and without surrounding space. */
    public static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
