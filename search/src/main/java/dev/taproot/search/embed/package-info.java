/**
 * Sentence embeddings for similar-incident search, an experiment measured by
 * {@code ./taproot bench retrieval --embeddings}: a {@link dev.taproot.search.embed.SentenceEmbedder}
 * (all-MiniLM-L6-v2, quantised, run in process by ONNX Runtime from a Maven artifact; nothing is
 * downloaded at run time), incident vectors in a Lucene {@code KnnFloatVectorField}, and the fusion of
 * their nearest-neighbour ranking with Taproot's BM25 and structured ranking.
 *
 * <p>Tried and not kept (README, "Sentence embeddings (tried)"): fused with Taproot's ranking they
 * gain +0.018 MRR on the postmortems and +0.060 on the cases, under the bar set for keeping them, at
 * a cost (6-20 ms per incident embedded, 14-41 ms per query on two cores) far beyond the import and
 * search goals.
 *
 * <p>The model is an <em>optional</em> dependency of {@code taproot-search}: the application does not
 * ship it and nothing in its default path loads a class of this package. Only the benchmark puts the
 * model on the class path.
 */
package dev.taproot.search.embed;
