package dev.taproot.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.IncidentIndex;
import dev.taproot.search.MatchReason;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.Why;

/**
 * {@link IncidentIndex} over a Lucene directory: English analysis (stop words, stemming), BM25 with
 * field boosts, structured keyword matches, then a re-ranking of the best candidates by recency and
 * feedback. Upserts replace by id, so re-indexing an incident never duplicates it.
 */
public final class LuceneIncidentIndex implements IncidentIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneIncidentIndex.class);
    private static final String SCHEMA_KEY = "taproot.schema";

    /** How many Lucene candidates per requested hit are re-ranked by recency and feedback. */
    static final int RERANK_FACTOR = 4;

    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchWeights weights;
    private final SimilarQueryBuilder queries;

    private LuceneIncidentIndex(Directory directory, SearchWeights weights) throws IOException {
        this.directory = directory;
        this.weights = weights;
        var config = new IndexWriterConfig(analyzer)
                .setSimilarity(new BM25Similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        String layout = layoutOf(writer);
        if (writer.getDocStats().numDocs > 0 && !IncidentFields.SCHEMA_VERSION.equals(layout)) {
            // written by another version of Taproot: empty it, the graph refills it on reconciliation
            LOG.info("the incident index has document layout {} where {} is current: it is rebuilt from the graph",
                    layout, IncidentFields.SCHEMA_VERSION);
            writer.deleteAll();
        }
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, IncidentFields.SCHEMA_VERSION).entrySet());
        this.searchers = new SearcherManager(writer, null);
        this.queries = new SimilarQueryBuilder(analyzer, weights);
    }

    /** The document layout recorded in the last commit, or null. */
    private static String layoutOf(IndexWriter writer) {
        var data = writer.getLiveCommitData();
        if (data != null) {
            for (var e : data) {
                if (SCHEMA_KEY.equals(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** Opens (or creates) the index in a directory on disk. */
    public static LuceneIncidentIndex open(Path dir) {
        return open(dir, SearchWeights.DEFAULT);
    }

    public static LuceneIncidentIndex open(Path dir, SearchWeights weights) {
        try {
            java.nio.file.Files.createDirectories(dir);
            return new LuceneIncidentIndex(FSDirectory.open(dir), weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the incident index in " + dir + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** An index in memory (tests, evaluation). */
    public static LuceneIncidentIndex inMemory(SearchWeights weights) {
        try {
            return new LuceneIncidentIndex(new ByteBuffersDirectory(), weights);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void upsert(Collection<Incident> incidents) {
        try {
            for (Incident i : incidents) {
                writer.updateDocument(new Term(IncidentFields.ID, i.id()), IncidentFields.document(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing incidents failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term(IncidentFields.ID, id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("committing the incident index failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    @Override
    public List<SimilarHit> similar(SimilarQuery q) {
        IndexSearcher searcher = acquire();
        try {
            SimilarQueryBuilder.Built built = queries.build(q, searcher.getIndexReader());
            if (built == null) {
                return List.of();
            }
            Query query = built.query();
            int candidates = Math.max(q.limit() * RERANK_FACTOR, 20);
            TopDocs top = searcher.search(query, candidates);
            long now = (q.asOf() == null ? Instant.now() : q.asOf()).toEpochMilli();
            StoredFields stored = searcher.storedFields();
            var ranked = new ArrayList<Ranked>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                Long started = startedOf(doc);
                String id = doc.get(IncidentFields.ID);
                double recency = recencyFactor(started, now);
                double feedback = feedbackFactor(q.feedback().getOrDefault(id, 0));
                ranked.add(new Ranked(sd, doc, sd.score * recency * feedback, recency, feedback));
            }
            ranked.sort((a, b) -> Double.compare(b.score, a.score));
            var hits = new ArrayList<SimilarHit>();
            // weights built once for every hit: IndexSearcher.explain would rebuild them per hit
            var clauses = ranked.isEmpty() ? null : new MatchExplainer(searcher, built.clauses(), weights.tieBreaker());
            Weight weight = ranked.isEmpty() || !q.explain() ? null
                    : searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (Ranked r : ranked.subList(0, Math.min(q.limit(), ranked.size()))) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(r.hit.doc, leaves));
                List<MatchReason> reasons = clauses.reasons(leaf, r.hit.doc - leaf.docBase);
                Why why = q.explain() ? new Why(r.score, "final score = lucene x recency x feedback", List.of(
                        MatchExplainer.tree(weight.explain(leaf, r.hit.doc - leaf.docBase)),
                        new Why(r.recency, "recency: 1 + " + weights.recency() + " * 2^(-age / "
                                + weights.recencyHalfLifeDays() + " days)", List.of()),
                        new Why(r.feedback, "feedback: 1 + " + weights.feedback() + " * tanh(net helpful / 2)", List.of())))
                        : null;
                hits.add(hit(r, reasons, why));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching incidents failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        } finally {
            release(searcher);
        }
    }

    private record Ranked(ScoreDoc hit, Document doc, double score, double recency, double feedback) {
    }

    private static SimilarHit hit(Ranked r, List<MatchReason> reasons, Why why) {
        Document d = r.doc;
        List<String> links = Arrays.asList(d.getValues(IncidentFields.LINK));
        Long started = startedOf(d);
        return new SimilarHit(d.get(IncidentFields.ID), d.get(IncidentFields.TITLE), MatchExplainer.round(r.score),
                started == null ? null : Instant.ofEpochMilli(started), d.get(IncidentFields.ROOT_CAUSE_STORED),
                d.get(IncidentFields.FAULT_STORED), Arrays.asList(d.getValues(IncidentFields.AFFECTED_STORED)),
                d.get(IncidentFields.EXCERPT), runbook(links), links, d.get(IncidentFields.RESOLVED_BY), reasons, why);
    }

    /** The link most likely to be the runbook: one that says so, else the first. */
    private static String runbook(List<String> links) {
        return links.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("runbook")).findFirst()
                .orElse(links.isEmpty() ? null : links.get(0));
    }

    private static Long startedOf(Document doc) {
        var f = doc.getField(IncidentFields.STARTED);
        return f == null || f.numericValue() == null ? null : f.numericValue().longValue();
    }

    private double recencyFactor(Long started, long now) {
        if (started == null || weights.recency() == 0) {
            return 1.0;
        }
        double ageDays = Math.max(0, now - started) / 86_400_000.0;
        return 1.0 + weights.recency() * Math.pow(2, -ageDays / weights.recencyHalfLifeDays());
    }

    private double feedbackFactor(int net) {
        return net == 0 ? 1.0 : Math.max(0.05, 1.0 + weights.feedback() * Math.tanh(net / 2.0));
    }

    @Override
    public long count() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    @Override
    public Set<String> ids() {
        IndexSearcher s = acquire();
        try {
            var out = new HashSet<String>(Math.max(16, s.getIndexReader().numDocs() * 2));
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(IncidentFields.ID);
                Bits live = leaf.reader().getLiveDocs();
                if (ids == null) {
                    continue;
                }
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        out.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    private IndexSearcher acquire() {
        try {
            IndexSearcher s = searchers.acquire();
            s.setSimilarity(new BM25Similarity());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher s) {
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the incident index failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }
}
