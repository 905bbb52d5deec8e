package dev.taproot.ingest.catalog;

import java.util.Locale;

import dev.taproot.graph.model.EntityKeys;

/**
 * A Backstage entity reference, {@code [kind:][namespace/]name}, with the kind a field implies when
 * the reference omits it ({@code providesApis} means API, {@code system} means System).
 *
 * @param kind      lower-case Backstage kind ({@code component}, {@code resource}, {@code api}, ...)
 * @param namespace the catalog namespace ({@code default} when absent)
 * @param name      the entity name
 */
record EntityRef(String kind, String namespace, String name) {

    /** Parses a reference; {@code defaultKind} applies when it has no {@code kind:} part. */
    static EntityRef parse(String ref, String defaultKind) {
        String r = ref.trim();
        String kind = defaultKind;
        int colon = r.indexOf(':');
        if (colon > 0) {
            kind = r.substring(0, colon);
            r = r.substring(colon + 1);
        }
        String ns = "default";
        int slash = r.indexOf('/');
        if (slash > 0) {
            ns = r.substring(0, slash);
            r = r.substring(slash + 1);
        }
        if (r.isBlank()) {
            throw new IllegalArgumentException("'" + ref + "' is not an entity reference ([kind:][namespace/]name)");
        }
        return new EntityRef(kind.toLowerCase(Locale.ROOT), ns, r);
    }

    /**
     * The graph key: components are logical services ({@code service/<name>}), groups are teams; other
     * kinds key by kind and name, so a reference and its target agree before the target's own type
     * (a Resource's {@code spec.type}) is known.
     */
    String key() {
        String qualified = "default".equals(namespace) ? name : namespace + "/" + name;
        return switch (kind) {
            case "component" -> EntityKeys.service(qualified);
            case "group", "user" -> EntityKeys.of("team", qualified);
            default -> EntityKeys.of(kind, qualified);
        };
    }

    /** The reference in Backstage's full form, for aliases. */
    String full() {
        return kind + ":" + namespace + "/" + name;
    }
}
