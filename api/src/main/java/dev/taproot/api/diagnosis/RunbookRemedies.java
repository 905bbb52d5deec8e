package dev.taproot.api.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.taproot.api.actions.ActionKind;
import dev.taproot.api.actions.ProposedAction;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.store.TopologyReads;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.evidence.Evidence;
import dev.taproot.rules.runbook.Runbook;
import dev.taproot.rules.runbook.RunbookSubject;
import dev.taproot.rules.runbook.Runbooks;
import dev.taproot.search.SimilarHit;

/**
 * What to do, from the knowledge graph: the runbooks that match the most likely cause (its fault
 * type and supertypes, the alerts seen on it, the rules that link it to the symptom, its entity type),
 * most specific first, with the cause's names filled into their steps; then how similar past incidents
 * were resolved ({@link PastResolutions}). Each piece of advice says why it was chosen.
 */
public final class RunbookRemedies implements Remedies {

    /** Runbooks offered per diagnosis: the most specific few, not every loosely related one. */
    public static final int MAX_RUNBOOKS = 2;

    private final Supplier<Runbooks> runbooks;
    private final TopologyReads store;
    private final Remedies history;

    public RunbookRemedies(Supplier<Runbooks> runbooks, TopologyReads store, Remedies history) {
        this.runbooks = runbooks;
        this.store = store;
        this.history = history;
    }

    @Override
    public List<Advice> advise(Analysis analysis, List<SimilarHit> similar) {
        var out = new ArrayList<Advice>();
        Candidate top = analysis.top();
        if (top != null && !analysis.noConfidentCause()) {
            RunbookSubject subject = subject(top);
            for (Runbook.Applies a : runbooks.get().matching(subject).stream().limit(MAX_RUNBOOKS).toList()) {
                Runbook r = a.runbook();
                out.add(new Advice(Advice.RUNBOOK, r.title() + " (runbook " + r.id() + ")",
                        Runbook.fill(r.steps(), subject.names()), Runbook.fill(r.checks(), subject.names()), r.links(),
                        "the most likely cause is " + top.name() + ": " + a.why(), proposals(r, top, subject)));
            }
        }
        out.addAll(history.advise(analysis, similar));
        return out;
    }

    /**
     * The runbook's actions aimed at the cause: a Deployment action at the cause's Deployment when the
     * graph knows one (in the cause's namespace, named after its service), cordon at the cause when it
     * is a node. An action with no such target is not proposed.
     */
    List<ProposedAction> proposals(Runbook r, Candidate top, RunbookSubject subject) {
        var out = new ArrayList<ProposedAction>();
        boolean onDeployment = r.actions().stream().anyMatch(a -> !ActionKind.parse(a).targetKind().equals("Node"));
        Entity d = onDeployment ? deployment(subject) : null;
        for (String id : r.actions()) {
            ActionKind kind = ActionKind.parse(id);
            String ns = null;
            String target;
            if (kind.targetKind().equals("Node")) {
                target = "Node".equals(top.type()) ? top.name() : null;
            } else {
                ns = d == null ? null : String.valueOf(d.properties().getOrDefault("namespace", "default"));
                target = d == null ? null : d.name();
            }
            if (target != null) {
                out.add(new ProposedAction(kind.id(), ns, target, kind.kubectl(ns, target, null),
                        "runbook " + r.id() + " proposes it for " + subject.faultType() + " on " + top.name()));
            }
        }
        return out;
    }

    /** The cause's Deployment: the one named after its service in its namespace, else the only one of that name. */
    private Entity deployment(RunbookSubject subject) {
        if (subject.namespace() != null) {
            var inNs = store.entity(EntityKeys.k8s(subject.namespace(), "Deployment", subject.service()));
            if (inNs.isPresent()) {
                return inNs.get();
            }
        }
        List<Entity> all = store.findEntities(subject.service()).stream().filter(e -> "Deployment".equals(e.type()))
                .filter(e -> e.name().equals(subject.service())).toList();
        return all.size() == 1 ? all.get(0) : null;
    }

    /** The cause as runbooks see it: its names, type, fault type, own alerts and the rules that reached it. */
    RunbookSubject subject(Candidate top) {
        Entity e = store.entity(top.entityKey()).orElse(null);
        String service = top.serviceKey() == null || top.serviceKey().equals(top.entityKey()) ? top.name()
                : store.entity(top.serviceKey()).map(Entity::name).orElse(top.name());
        Object ns = e == null ? null : e.properties().get("namespace");
        Evidence ev = top.evidence();
        return new RunbookSubject(top.name(), service, ns == null ? null : ns.toString(), top.type(), top.faultType(),
                ev == null ? java.util.Set.of() : ev.refs(Evidence.Kind.SIGNAL, true),
                ev == null ? java.util.Set.of() : ev.refs(Evidence.Kind.CAUSAL_LINK, false));
    }
}
