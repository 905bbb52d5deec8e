package dev.taproot.search.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into a dense vector whose dot product with another text's vector says how close their
 * meanings are. Implementations return unit-length vectors, so dot product equals cosine similarity.
 */
public interface SentenceEmbedder extends AutoCloseable {

    /** What model this is, for reports. */
    String name();

    /** How many dimensions each vector has. */
    int dimension();

    /** The unit-length vector of one text. */
    float[] embed(String text);

    /** The vectors of many texts, in order; implementations may spread the work over threads. */
    default List<float[]> embedAll(List<String> texts) {
        var out = new ArrayList<float[]>(texts.size());
        texts.forEach(t -> out.add(embed(t)));
        return out;
    }

    @Override
    default void close() {
    }

    /** A copy of {@code v} scaled to unit length (a zero vector stays zero). */
    static float[] normalised(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        float[] out = v.clone();
        if (sq == 0) {
            return out;
        }
        float inv = (float) (1.0 / Math.sqrt(sq));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }

    /** The dot product of two vectors of the same length. */
    static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return (float) s;
    }
}
