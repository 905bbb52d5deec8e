package dev.taproot.search.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import dev.taproot.graph.model.Incident;

/**
 * Incident vectors in a Lucene {@link KnnFloatVectorField} (HNSW graph, dot product on unit vectors,
 * that is cosine similarity), upserted by incident id, searched for the nearest neighbours of a query
 * vector. Each document also stores the incident's title, so a hit found only by meaning can be shown.
 */
public final class IncidentVectorIndex implements AutoCloseable {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String VECTOR = "vector";

    private final SentenceEmbedder embedder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IncidentVectorIndex(Directory directory, SentenceEmbedder embedder) throws IOException {
        this.embedder = embedder;
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index in memory (evaluation, tests). */
    public static IncidentVectorIndex inMemory(SentenceEmbedder embedder) {
        try {
            return new IncidentVectorIndex(new ByteBuffersDirectory(), embedder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens (or creates) the index in a directory on disk. */
    public static IncidentVectorIndex open(Path dir, SentenceEmbedder embedder) {
        try {
            Files.createDirectories(dir);
            return new IncidentVectorIndex(FSDirectory.open(dir), embedder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the incident vector index in " + dir + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** The embedder that makes this index's vectors (queries must use the same). */
    public SentenceEmbedder embedder() {
        return embedder;
    }

    /** Embeds the incidents (title, description, resolution) in one batch and adds or replaces them by id. */
    public void upsert(Collection<Incident> incidents) {
        List<Incident> list = List.copyOf(incidents);
        List<float[]> vectors = embedder.embedAll(list.stream().map(IncidentText::of).toList());
        try {
            for (int n = 0; n < list.size(); n++) {
                Incident i = list.get(n);
                var doc = new Document();
                doc.add(new StringField(ID, i.id(), Field.Store.YES));
                doc.add(new StoredField(TITLE, i.title()));
                doc.add(new KnnFloatVectorField(VECTOR, vectors.get(n), VectorSimilarityFunction.DOT_PRODUCT));
                writer.updateDocument(new Term(ID, i.id()), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing incident vectors failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** Removes incidents by id. */
    public void delete(Collection<String> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes everything. */
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every write so far durable and visible. */
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("committing the incident vector index failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** A hit of the vector search: id, title and cosine similarity to the query. */
    public record Neighbour(String id, String title, double cosine) {
    }

    /** The {@code k} incidents whose vectors are nearest to {@code query}, nearest first. */
    public List<Neighbour> nearest(float[] query, int k) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                if (s.getIndexReader().numDocs() == 0) {
                    return List.of();
                }
                TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, query, k), k);
                var out = new ArrayList<Neighbour>(top.scoreDocs.length);
                var stored = s.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    // Lucene scores DOT_PRODUCT as (1 + dot) / 2
                    out.add(new Neighbour(d.get(ID), d.get(TITLE), 2.0 * sd.score - 1.0));
                }
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching incident vectors failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** How many incidents the index holds (committed). */
    public int count() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
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
            throw new UncheckedIOException("closing the incident vector index failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }
}
