package dev.taproot.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.EntityResolver;

/**
 * Changes Taproot notices by itself when a topology is ingested again: a workload whose pod template
 * (image, env, resources) differs from what the graph holds becomes a {@code Deploy} signal, a
 * ConfigMap or Secret whose data hash differs becomes a {@code ConfigChange} / {@code SecretChange}.
 * The Kubernetes ingestor records {@value #TEMPLATE_HASH} and {@value #DATA_HASH} on the entities.
 */
public final class ObservedChanges {

    /** Entity property: hash of a workload's pod template. */
    public static final String TEMPLATE_HASH = "podTemplateHash";
    /** Entity property: hash of a ConfigMap's or Secret's data. */
    public static final String DATA_HASH = "dataHash";
    /** Entity property: a workload's container images. */
    public static final String IMAGES = "images";

    private ObservedChanges() {
    }

    /**
     * The changes between the entities of a batch and their previous state.
     *
     * @param batch    what is about to be written
     * @param previous the stored entity by key
     * @param at       when the change was seen (the ingest's observation time)
     * @param source   the input, for the signals' source
     */
    public static List<Signal> detect(GraphBatch batch, Function<String, Optional<Entity>> previous, Instant at,
                                      String source) {
        var out = new ArrayList<Signal>();
        for (Entity e : batch.entities()) {
            boolean workload = EntityResolver.isWorkload(e.type()) && e.property(TEMPLATE_HASH) != null;
            boolean config = (EntityTypes.CONFIG_MAP.equals(e.type()) || EntityTypes.SECRET.equals(e.type()))
                    && e.property(DATA_HASH) != null;
            if (!workload && !config) {
                continue;
            }
            String property = workload ? TEMPLATE_HASH : DATA_HASH;
            Optional<Entity> before = previous.apply(e.key());
            if (before.isEmpty() || before.get().property(property) == null
                    || Objects.equals(before.get().property(property), e.property(property))) {
                continue;
            }
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("from", before.get().property(property));
            attrs.put("to", e.property(property));
            attrs.put("observed", true);
            String type;
            if (workload) {
                type = "Deploy";
                Object oldImages = before.get().properties().get(IMAGES);
                Object newImages = e.properties().get(IMAGES);
                if (oldImages != null) {
                    attrs.put("fromVersion", String.join(",", strings(oldImages)));
                }
                if (newImages != null) {
                    attrs.put("toVersion", String.join(",", strings(newImages)));
                }
                attrs.put("message", Objects.equals(oldImages, newImages)
                        ? "pod template of " + e.name() + " changed"
                        : "image of " + e.name() + " changed from " + attrs.get("fromVersion") + " to " + attrs.get("toVersion"));
            } else {
                type = EntityTypes.SECRET.equals(e.type()) ? "SecretChange" : "ConfigChange";
                attrs.put("message", e.type() + " " + e.name() + " data changed");
            }
            out.add(new Signal("change/observed/" + e.key() + "/" + e.property(property), type, e.key(),
                    type + " " + e.name(), Severity.INFO, at, null, attrs, source));
        }
        return out;
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
    }
}
