package dev.taproot.graph.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.GraphCounts;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.GraphStore;

/** The shared test store, protected from a test closing it for everyone. */
final class UncloseableStore implements GraphStore {
    private final GraphStore delegate;

    UncloseableStore(GraphStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void stream(dev.taproot.graph.store.GraphVisitor visitor) {
        delegate.stream(visitor);
    }

    GraphStore delegate() {
        return delegate;
    }

    @Override public void write(GraphBatch batch) { delegate.write(batch); }
    @Override public void write(GraphBatch batch, String batchId) { delegate.write(batch, batchId); }
    @Override public void closeRelationships(Collection<String> ids, Instant at) { delegate.closeRelationships(ids, at); }
    @Override public Subgraph subgraph(SubgraphQuery q) { return delegate.subgraph(q); }
    @Override public Subgraph neighbourhood(String key, int depth, Instant asOf) { return delegate.neighbourhood(key, depth, asOf); }
    @Override public List<String> neighbourhoodKeys(String key, int depth, Instant asOf) { return delegate.neighbourhoodKeys(key, depth, asOf); }
    @Override public Optional<Entity> entity(String key) { return delegate.entity(key); }
    @Override public List<Entity> findEntities(String q) { return delegate.findEntities(q); }
    @Override public List<Entity> entities(String type, int limit) { return delegate.entities(type, limit); }
    @Override public List<Relationship> relationships(Collection<String> types, int limit) { return delegate.relationships(types, limit); }
    @Override public List<Relationship> relationshipsOf(String key) { return delegate.relationshipsOf(key); }
    @Override public List<Signal> signals(Collection<String> keys, Instant from, Instant to) { return delegate.signals(keys, from, to); }
    @Override public Optional<Incident> incident(String id) { return delegate.incident(id); }
    @Override public List<Incident> incidents(int limit) { return delegate.incidents(limit); }
    @Override public List<Incident> incidentsOf(String key) { return delegate.incidentsOf(key); }
    @Override public List<Incident> incidentsOf(String key, java.time.Instant from, java.time.Instant to, int limit) {
        return delegate.incidentsOf(key, from, to, limit);
    }
    @Override public Map<String, Long> rootCauseCounts(Collection<String> keys) { return delegate.rootCauseCounts(keys); }
    @Override public List<Incident> incidentsById(Collection<String> ids) { return delegate.incidentsById(ids); }
    @Override public List<Incident> incidentsAfter(String afterId, int limit) { return delegate.incidentsAfter(afterId, limit); }
    @Override public long incidentCount() { return delegate.incidentCount(); }
    @Override public void addFeedback(Feedback f) { delegate.addFeedback(f); }
    @Override public List<Feedback> feedbackAbout(String id) { return delegate.feedbackAbout(id); }
    @Override public java.util.Map<String, Integer> incidentHelpfulness() { return delegate.incidentHelpfulness(); }
    @Override public List<CausePrior> causePriors(Collection<String> keys) { return delegate.causePriors(keys); }
    @Override public GraphCounts counts() { return delegate.counts(); }
    @Override public void clear() { delegate.clear(); }
    @Override public String describe() { return delegate.describe(); }
    @Override public boolean ready() { return delegate.ready(); }
    @Override public long writeGeneration() { return delegate.writeGeneration(); }
    @Override public <T> Optional<T> unwrap(Class<T> type) { return delegate.unwrap(type); }
    @Override public void close() { /* shared: closed at JVM exit */ }
}
