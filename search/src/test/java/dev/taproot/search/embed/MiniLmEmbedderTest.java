package dev.taproot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process model loads from the class path, gives unit vectors and puts paraphrases close together. */
class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsAreUnitLengthWithTheModelsDimension() {
        float[] v = embedder.embed("checkout pods were OOMKilled and crash looping");
        assertThat(v).hasSize(MiniLmEmbedder.DIMENSION);
        assertThat(SentenceEmbedder.dot(v, v)).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedFailure() {
        List<float[]> v = embedder.embedAll(List.of(
                "the database connection pool was exhausted and requests timed out",
                "services ran out of DB connections, so calls hung until their deadline",
                "an expired TLS certificate broke the login page"));
        assertThat(SentenceEmbedder.dot(v.get(0), v.get(1))).isGreaterThan(SentenceEmbedder.dot(v.get(0), v.get(2)) + 0.1f);
    }

    @Test
    void batchAndSingleAgree() {
        String text = "disk full on the logging node; writes failed";
        float[] single = embedder.embed(text);
        float[] batch = embedder.embedAll(List.of("something else entirely", text)).get(1);
        assertThat(SentenceEmbedder.dot(single, batch)).isGreaterThan(0.999f);
    }
}
