package dev.taproot.search.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the vector of every text it has embedded, so an evaluation that builds several indexes
 * over the same history embeds each text once. Unbounded: for evaluations, not for a server.
 */
public final class CachingEmbedder implements SentenceEmbedder {

    private final SentenceEmbedder delegate;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public CachingEmbedder(SentenceEmbedder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(text, delegate::embed);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
        List<float[]> fresh = delegate.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
            cache.put(missing.get(i), fresh.get(i));
        }
        var out = new ArrayList<float[]>(texts.size());
        texts.forEach(t -> out.add(cache.get(t)));
        return out;
    }

    /** How many distinct texts were embedded. */
    public int size() {
        return cache.size();
    }

    /** Closes the wrapped embedder. */
    @Override
    public void close() {
        delegate.close();
    }
}
