package dev.taproot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.store.GraphStore;

/**
 * A synthetic topology shaped like real call graphs: every tenth entity is a node, the rest are
 * services; each relationship links an entity to one of its next 50 neighbours (CALLS, or RUNS_ON
 * when the target is a node). Written through the {@link GraphStore} in batches.
 *
 * @param entities      entities to generate
 * @param relationships relationships to generate (duplicates merge, so slightly fewer are stored)
 * @param batch         records per write transaction
 */
public record SyntheticTopology(int entities, int relationships, int batch) {

    /** Key of the i-th generated entity. */
    public static String key(int i) {
        return "bench/" + i;
    }

    /** Whether the i-th entity is a node (services run on nodes). */
    public static boolean isNode(int i) {
        return i % 10 == 0;
    }

    /** Seconds spent writing entities and relationships. */
    public record LoadTimes(double entitySeconds, double relationshipSeconds) {
        public double totalSeconds() {
            return entitySeconds + relationshipSeconds;
        }
    }

    /** Generates and writes the topology. */
    public LoadTimes load(GraphStore store, SplittableRandom random) {
        long t0 = System.nanoTime();
        List<Entity> all = new ArrayList<>(batch);
        for (int i = 0; i < entities; i++) {
            all.add(Entity.of(key(i), isNode(i) ? "Node" : "Service", "e" + i));
            if (all.size() == batch) {
                store.upsertEntities(all);
                all.clear();
            }
        }
        store.upsertEntities(all);
        long t1 = System.nanoTime();
        List<Relationship> rels = new ArrayList<>(batch);
        for (int i = 0; i < relationships; i++) {
            int from = random.nextInt(entities);
            int to = Math.floorMod(from + 1 + random.nextInt(50), entities);
            String type = isNode(to) ? RelationshipTypes.RUNS_ON : RelationshipTypes.CALLS;
            rels.add(Relationship.of(type, key(from), key(to)));
            if (rels.size() == batch) {
                store.write(new GraphBatch(List.of(), rels, List.of(), List.of()));
                rels.clear();
            }
        }
        store.write(new GraphBatch(List.of(), rels, List.of(), List.of()));
        return new LoadTimes((t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }
}
