package dev.taproot.api.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.store.TopologyReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.evidence.Evidence;

/**
 * Reads from a {@link Diagnosis} what routes match on: the namespaces, services and owning teams of
 * its symptom and top cause (teams from the catalog's {@code OWNED_BY}, on the entity itself or on a
 * catalog entity of the same name), whether the top cause is a deploy or config change, and its
 * confidence.
 */
final class DiagnosisFacts {

    /** The rule area whose causal links start at a change (deploys, config, flags, scaling). */
    static final String CHANGE_RULES = "change.";
    private static final String CHANGE = "Change";

    private final TopologyReads store;
    private final Vocabulary vocabulary;

    DiagnosisFacts(TopologyReads store, Vocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
    }

    /** The kinds of a diagnosis notification. */
    Set<NotificationKind> kinds(Diagnosis d) {
        var kinds = EnumSet.of(NotificationKind.DIAGNOSIS);
        if (changeCaused(d.analysis().top())) {
            kinds.add(NotificationKind.DEPLOY_CAUSED);
        }
        return kinds;
    }

    boolean changeCaused(Candidate top) {
        if (top == null) {
            return false;
        }
        if (top.faultType() != null && vocabulary.knows(top.faultType()) && vocabulary.isA(top.faultType(), CHANGE)) {
            return true;
        }
        Evidence e = top.evidence();
        return e != null && e.refs(Evidence.Kind.CAUSAL_LINK, false).stream().anyMatch(id -> id.startsWith(CHANGE_RULES));
    }

    /** The symptom's and top cause's entities (the top cause's service too), looked up in the graph. */
    List<Entity> entities(Diagnosis d) {
        var keys = new LinkedHashSet<String>();
        if (d.understood().symptomKey() != null) {
            keys.add(d.understood().symptomKey());
        }
        d.analysis().symptoms().forEach(s -> keys.add(s.entityKey()));
        Candidate top = d.analysis().top();
        if (top != null) {
            keys.add(top.entityKey());
            if (top.serviceKey() != null) {
                keys.add(top.serviceKey());
            }
        }
        var out = new ArrayList<Entity>();
        for (String key : keys) {
            store.entity(key).ifPresent(out::add);
        }
        return out;
    }

    static Set<String> namespaces(List<Entity> entities) {
        var out = new LinkedHashSet<String>();
        for (Entity e : entities) {
            namespaceOf(e).ifPresent(out::add);
        }
        return out;
    }

    static Set<String> names(List<Entity> entities) {
        var out = new LinkedHashSet<String>();
        entities.forEach(e -> out.add(e.name()));
        return out;
    }

    /** The teams owning these entities, or catalog entities of the same names. */
    Set<String> teams(List<Entity> entities) {
        var out = new LinkedHashSet<String>();
        for (Entity e : entities) {
            var owners = owners(e.key());
            if (owners.isEmpty()) {
                for (Entity same : store.findEntities(e.name())) {
                    if (!same.key().equals(e.key())) {
                        owners.addAll(owners(same.key()));
                    }
                }
            }
            out.addAll(owners);
        }
        return out;
    }

    private Set<String> owners(String key) {
        var out = new LinkedHashSet<String>();
        for (Relationship r : store.relationshipsOf(key)) {
            if (RelationshipTypes.OWNED_BY.equals(r.type()) && r.fromKey().equals(key)) {
                store.entity(r.toKey()).ifPresent(team -> out.add(team.name()));
            }
        }
        return out;
    }

    private static Optional<String> namespaceOf(Entity e) {
        String ns = e.property("namespace");
        if (ns != null && !ns.isBlank()) {
            return Optional.of(ns);
        }
        String[] parts = e.key().split("/");
        return parts.length >= 4 && parts[0].equals("k8s") ? Optional.of(parts[1]) : Optional.empty();
    }
}
