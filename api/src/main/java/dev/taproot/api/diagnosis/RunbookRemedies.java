package dev.taproot.api.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.GraphStore;
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
    private final GraphStore store;
    private final Remedies history;

    public RunbookRemedies(Supplier<Runbooks> runbooks, GraphStore store, Remedies history) {
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
                        "the most likely cause is " + top.name() + ": " + a.why()));
            }
        }
        out.addAll(history.advise(analysis, similar));
        return out;
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
