package dev.taproot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.taproot.search.SimilarQuery;
import dev.taproot.search.embed.CachingEmbedder;
import dev.taproot.search.embed.HybridIncidentIndex;
import dev.taproot.search.embed.IncidentVectorIndex;
import dev.taproot.search.embed.RankFusion;
import dev.taproot.search.embed.SentenceEmbedder;
import dev.taproot.search.eval.RetrievalEvaluation;
import dev.taproot.search.eval.RetrievalEvaluation.Detailed;
import dev.taproot.search.eval.RetrievalEvaluation.Figures;
import dev.taproot.search.eval.RetrievalEvaluation.Item;
import dev.taproot.search.lucene.LuceneIncidentIndex;
import dev.taproot.search.lucene.SearchWeights;

/**
 * The leave-one-out with sentence embeddings, in one run per dataset: (a) plain BM25, (b) Taproot,
 * (c) embeddings alone, (d) Taproot fused with embeddings under each candidate fusion. Loaded only by
 * {@code bench retrieval --embeddings}.
 */
final class EmbeddingRetrieval {

    /** Hits each side of a fusion contributes. */
    static final int CANDIDATES = 50;

    /** The fusions tried; the one kept is the best on the postmortems by MRR. */
    static final List<RankFusion> FUSIONS = List.of(
            RankFusion.reciprocalRank(60, 1.0), RankFusion.reciprocalRank(60, 0.5),
            RankFusion.reciprocalRank(20, 1.0), RankFusion.reciprocalRank(20, 0.5),
            RankFusion.linear(0.2), RankFusion.linear(0.35), RankFusion.linear(0.5));

    /** Every row for one dataset: the four configurations, (d) once per fusion. */
    record Rows(Figures bm25, Detailed taproot, Figures embeddings, List<Detailed> fused) {

        Figures fused(RankFusion f) {
            return fused.get(FUSIONS.indexOf(f)).figures();
        }

        /** The fused configuration against Taproot, query by query. */
        PairedDelta gain(RankFusion f) {
            return PairedDelta.of(taproot.reciprocalRanks(), fused.get(FUSIONS.indexOf(f)).reciprocalRanks());
        }

        Figures taprootFigures() {
            return taproot.figures();
        }

        List<Figures> all() {
            var out = new ArrayList<>(List.of(bm25, taproot.figures(), embeddings));
            fused.forEach(d -> out.add(d.figures()));
            return out;
        }
    }

    private EmbeddingRetrieval() {
    }

    /** Runs every configuration on {@code items}; {@code embedder} should cache (each row re-indexes the same texts). */
    static Rows run(String dataset, List<Item> items, SentenceEmbedder embedder) {
        Figures bm25 = RetrievalEvaluation.run(dataset + " (a) plain BM25", items, SearchWeights.plainBm25(), SimilarQuery::textOnly);
        Detailed taproot = RetrievalEvaluation.runDetailed(dataset + " (b) taproot", items,
                () -> LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT), Function.identity());
        Figures alone = RetrievalEvaluation.run(dataset + " (c) embeddings", items,
                () -> hybrid(embedder, RankFusion.semanticOnly()), Function.identity());
        var fused = new ArrayList<Detailed>();
        for (RankFusion f : FUSIONS) {
            fused.add(RetrievalEvaluation.runDetailed(dataset + " (d) taproot+" + f.name(), items, () -> hybrid(embedder, f),
                    Function.identity()));
        }
        return new Rows(bm25, taproot, alone, fused);
    }

    static HybridIncidentIndex hybrid(SentenceEmbedder embedder, RankFusion fusion) {
        return new HybridIncidentIndex(LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT),
                IncidentVectorIndex.inMemory(embedder), fusion, CANDIDATES);
    }

    /** The fusion with the best MRR on {@code rows} (P@5 breaks ties). */
    static RankFusion best(Rows rows) {
        RankFusion best = FUSIONS.get(0);
        for (RankFusion f : FUSIONS) {
            Figures a = rows.fused(f);
            Figures b = rows.fused(best);
            if (a.mrr() > b.mrr() || (a.mrr() == b.mrr() && a.precisionAt5() > b.precisionAt5())) {
                best = f;
            }
        }
        return best;
    }

    /** Wraps an embedder so every text is embedded once across the rows of a run. */
    static CachingEmbedder caching(SentenceEmbedder embedder) {
        return new CachingEmbedder(embedder);
    }

    /**
     * Runs both datasets and the cost measurement and prints every row, the fusion kept (best on the
     * postmortems), its gain over Taproot on both datasets and a summary line.
     */
    static void print(java.nio.file.Path data, int threads, int costSamples) throws java.io.IOException {
        List<Item> postmortems = RetrievalDatasets.postmortems(data.resolve("postmortems-icco/data"));
        List<Item> cases = RetrievalDatasets.cases(data.resolve("cases"));
        Rows pm;
        Rows cs;
        long t0 = System.nanoTime();
        try (var embedder = caching(new dev.taproot.search.embed.MiniLmEmbedder(threads))) {
            embedder.embed("the model loads from the class path on first use");
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("embeddings: " + embedder.name() + " (" + embedder.dimension() + " dims, in process, loaded in "
                    + loadMs + " ms), " + CANDIDATES + " candidates per side");
            pm = run("postmortems", postmortems, embedder);
            pm.all().forEach(f -> System.out.println(f.line()));
            cs = run("cases", cases, embedder);
            cs.all().forEach(f -> System.out.println(f.line()));
        }
        RankFusion kept = best(pm);
        Figures pmD = pm.fused(kept);
        Figures csD = cs.fused(kept);
        System.out.println("fusion kept (best MRR on postmortems): " + kept.name() + "; vs taproot: postmortems "
                + delta(pmD, pm.taprootFigures()) + ", cases " + delta(csD, cs.taprootFigures()));
        System.out.println("  paired, postmortems: " + pm.gain(kept).line());
        System.out.println("  paired, cases:       " + cs.gain(kept).line());
        var cost = EmbeddingCost.measure(threads, costSamples, postmortems);
        cost.lines().forEach(System.out::println);
        Figures pmB = pm.taprootFigures();
        Figures csB = cs.taprootFigures();
        boolean helps = pmD.mrr() - pmB.mrr() >= 0.02 && csD.mrr() - csB.mrr() >= 0.02
                && pmD.precisionAt5() >= pmB.precisionAt5() && csD.precisionAt5() >= csB.precisionAt5();
        System.out.printf(Locale.ROOT, "bench retrieval embeddings: postmortems MRR taproot %.3f, embeddings %.3f, fused %.3f (P@5 %.3f/%.3f/%.3f); "
                        + "cases MRR taproot %.3f, embeddings %.3f, fused %.3f (P@5 %.3f/%.3f/%.3f); %s; %.1f ms/doc batch, %.0f docs/s; %s%n",
                pmB.mrr(), pm.embeddings().mrr(), pmD.mrr(), pmB.precisionAt5(), pm.embeddings().precisionAt5(), pmD.precisionAt5(),
                csB.mrr(), cs.embeddings().mrr(), csD.mrr(), csB.precisionAt5(), cs.embeddings().precisionAt5(), csD.precisionAt5(),
                kept.name(), cost.generatedBatchMs(), cost.importRatePerSecond(),
                helps ? "helps (>= +0.02 MRR, P@5 not worse, on both)" : "does not clear the bar (+0.02 MRR and P@5 not worse on both)");
    }

    static String delta(Figures d, Figures b) {
        return String.format(Locale.ROOT, "%+.3f MRR, %+.3f P@5", d.mrr() - b.mrr(), d.precisionAt5() - b.precisionAt5());
    }
}
