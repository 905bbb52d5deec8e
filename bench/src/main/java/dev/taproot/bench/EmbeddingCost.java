package dev.taproot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.taproot.search.SimilarQuery;
import dev.taproot.search.embed.HybridIncidentIndex;
import dev.taproot.search.embed.IncidentText;
import dev.taproot.search.embed.MiniLmEmbedder;
import dev.taproot.search.embed.RankFusion;
import dev.taproot.search.embed.SentenceEmbedder;
import dev.taproot.search.eval.RetrievalEvaluation.Item;
import dev.taproot.search.lucene.LuceneIncidentIndex;
import dev.taproot.search.lucene.SearchWeights;

/**
 * What embeddings cost: model load, milliseconds per incident embedded (one at a time and in a batch
 * over the embedder's threads), per query, and what that means for importing a large history.
 */
final class EmbeddingCost {

    /** The figures of one measurement. */
    record Figures(double generatedSingleMs, double generatedBatchMs, double postmortemBatchMs,
                   double queryEmbedMs, double taprootSearchMs, double taprootWideMs, double hybridSearchMs,
                   int threads, double loadAverage) {

        /** Incidents per second the batch embedding alone allows on these cores. */
        double importRatePerSecond() {
            return 1000.0 / generatedBatchMs;
        }

        /** Hours that embedding alone adds to an import of {@code n} incidents. */
        double hoursFor(long n) {
            return n * generatedBatchMs / 3_600_000.0;
        }

        List<String> lines() {
            return List.of(
                    String.format(Locale.ROOT, "embedding cost (%d embedder thread(s), %d cores, load average %.1f):", threads,
                            Runtime.getRuntime().availableProcessors(), loadAverage),
                    String.format(Locale.ROOT, "  generated incidents (bench incidents vocabulary): %.2f ms/doc single, %.2f ms/doc batch", generatedSingleMs, generatedBatchMs),
                    String.format(Locale.ROOT, "  postmortems (long text, several windows): %.2f ms/doc batch", postmortemBatchMs),
                    String.format(Locale.ROOT, "  per query (postmortems): embed %.2f ms; search taproot %.2f ms (5 hits), "
                            + "taproot with %d candidates %.2f ms, taproot+embeddings %.2f ms", queryEmbedMs, taprootSearchMs,
                            EmbeddingRetrieval.CANDIDATES, taprootWideMs, hybridSearchMs),
                    String.format(Locale.ROOT, "  1M-incident import: embedding alone caps it at %.0f incidents/s = %.1f h of embedding (goal: >= 20000 incidents/s, i.e. 50 s for 1M)",
                            importRatePerSecond(), hoursFor(1_000_000)));
        }
    }

    private EmbeddingCost() {
    }

    static Figures measure(int threads, int generated, List<Item> postmortems) {
        try (var embedder = new MiniLmEmbedder(threads)) {
            embedder.embed("warm up: the model loads and the tokenizer runs once");
            var gen = new IncidentGenerator(7);
            var texts = new ArrayList<String>();
            for (int i = 0; i < generated; i++) {
                texts.add(IncidentText.of(gen.incident(i)));
            }
            double single = perItem(texts.size(), () -> texts.forEach(embedder::embed));
            double batch = perItem(texts.size(), () -> embedder.embedAll(texts));
            List<String> pmTexts = postmortems.stream().map(i -> IncidentText.of(i.incident())).limit(64).toList();
            double pmBatch = perItem(pmTexts.size(), () -> embedder.embedAll(pmTexts));
            List<SimilarQuery> queries = postmortems.stream().map(Item::query).limit(100).toList();
            double queryEmbed = perItem(queries.size(), () -> queries.forEach(q -> embedder.embed(IncidentText.of(q))));
            double[] search = searchMs(embedder, postmortems, queries);
            return new Figures(single, batch, pmBatch, queryEmbed, search[0], search[1], search[2], threads,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * Mean ms per query of Taproot's search (as asked, then as wide as the fusion asks it) and of the
     * hybrid (query embedding included).
     */
    private static double[] searchMs(SentenceEmbedder embedder, List<Item> items, List<SimilarQuery> queries) {
        var incidents = items.stream().map(Item::incident).toList();
        try (var lexical = LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT);
             HybridIncidentIndex hybrid = EmbeddingRetrieval.hybrid(embedder, RankFusion.reciprocalRank(60, 1.0))) {
            lexical.upsert(incidents);
            lexical.commit();
            hybrid.upsert(incidents);
            hybrid.commit();
            queries.forEach(lexical::similar); // warm-up
            double lex = perItem(queries.size(), () -> queries.forEach(lexical::similar));
            List<SimilarQuery> wide = queries.stream().map(q -> new SimilarQuery(q.text(), q.services(), q.neighbours(),
                    q.alerts(), q.faultTypes(), q.entityTypes(), q.signatures(), q.candidateCauses(), q.fingerprint(),
                    q.asOf(), q.feedback(), EmbeddingRetrieval.CANDIDATES, false)).toList();
            double lexWide = perItem(wide.size(), () -> wide.forEach(lexical::similar));
            double hyb = perItem(queries.size(), () -> queries.forEach(hybrid::similar));
            return new double[] {lex, lexWide, hyb};
        }
    }

    private static double perItem(int n, Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e6 / Math.max(1, n);
    }
}
