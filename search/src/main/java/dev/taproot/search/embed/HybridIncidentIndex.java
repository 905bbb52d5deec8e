package dev.taproot.search.embed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.IncidentIndex;
import dev.taproot.search.MatchReason;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;

/**
 * Taproot's lexical index (BM25 with field boosts, structured matches, recency, feedback) beside an
 * {@link IncidentVectorIndex}: every write goes to both; a search takes the best {@link #candidates}
 * of each and merges them with a {@link RankFusion}. Hits found by the lexical index keep their
 * resolution, links and reasons; each hit gains an {@code embedding} reason with its cosine similarity;
 * a hit found only by meaning carries its title (the graph has the rest).
 */
public final class HybridIncidentIndex implements IncidentIndex {

    private final IncidentIndex lexical;
    private final IncidentVectorIndex vectors;
    private final RankFusion fusion;
    private final int candidates;

    /**
     * @param lexical    the BM25 and structured index (owned: closed with this one)
     * @param vectors    the vector index (owned)
     * @param fusion     how the two rankings merge
     * @param candidates how many hits each side contributes at least (raised to the query's limit)
     */
    public HybridIncidentIndex(IncidentIndex lexical, IncidentVectorIndex vectors, RankFusion fusion, int candidates) {
        if (candidates < 1 || candidates > SimilarQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("candidates must be in 1.." + SimilarQuery.MAX_LIMIT + ", was " + candidates);
        }
        this.lexical = lexical;
        this.vectors = vectors;
        this.fusion = fusion;
        this.candidates = candidates;
    }

    @Override
    public void upsert(Collection<Incident> incidents) {
        lexical.upsert(incidents);
        vectors.upsert(incidents);
    }

    @Override
    public void delete(Collection<String> ids) {
        lexical.delete(ids);
        vectors.delete(ids);
    }

    @Override
    public void deleteAll() {
        lexical.deleteAll();
        vectors.deleteAll();
    }

    @Override
    public void commit() {
        lexical.commit();
        vectors.commit();
    }

    @Override
    public List<SimilarHit> similar(SimilarQuery q) {
        int n = Math.max(candidates, q.limit());
        SimilarQuery wide = new SimilarQuery(q.text(), q.services(), q.neighbours(), q.alerts(), q.faultTypes(),
                q.entityTypes(), q.signatures(), q.candidateCauses(), q.fingerprint(), q.asOf(), q.feedback(), n, q.explain());
        List<SimilarHit> lexicalHits = lexical.similar(wide);
        String text = IncidentText.of(q);
        List<IncidentVectorIndex.Neighbour> near = text.isBlank() ? List.of() : vectors.nearest(vectors.embedder().embed(text), n);

        Map<String, SimilarHit> byId = new HashMap<>();
        lexicalHits.forEach(h -> byId.put(h.id(), h));
        Map<String, IncidentVectorIndex.Neighbour> nearById = new HashMap<>();
        near.forEach(h -> nearById.put(h.id(), h));
        List<Scored> fused = fusion.fuse(
                lexicalHits.stream().map(h -> new Scored(h.id(), h.score())).toList(),
                near.stream().map(h -> new Scored(h.id(), h.cosine())).toList());

        var out = new ArrayList<SimilarHit>(Math.min(q.limit(), fused.size()));
        for (Scored s : fused.subList(0, Math.min(q.limit(), fused.size()))) {
            out.add(hit(s, byId.get(s.id()), nearById.get(s.id())));
        }
        return out;
    }

    private static SimilarHit hit(Scored s, SimilarHit lexicalHit, IncidentVectorIndex.Neighbour near) {
        var reasons = new ArrayList<MatchReason>();
        if (lexicalHit != null) {
            reasons.addAll(lexicalHit.matched());
        }
        if (near != null) {
            reasons.add(new MatchReason("embedding", List.of(), Math.round(near.cosine() * 1000) / 1000.0));
        }
        if (lexicalHit == null) {
            return new SimilarHit(s.id(), near.title(), s.score(), null, null, null, List.of(), null, null, List.of(),
                    null, reasons, null);
        }
        return new SimilarHit(lexicalHit.id(), lexicalHit.title(), s.score(), lexicalHit.started(), lexicalHit.rootCause(),
                lexicalHit.faultType(), lexicalHit.affected(), lexicalHit.resolution(), lexicalHit.runbook(),
                lexicalHit.links(), lexicalHit.resolvedBy(), reasons, lexicalHit.explanation());
    }

    @Override
    public long count() {
        return lexical.count();
    }

    @Override
    public Set<String> ids() {
        return lexical.ids();
    }

    @Override
    public void close() {
        try {
            lexical.close();
        } finally {
            vectors.close();
        }
    }
}
