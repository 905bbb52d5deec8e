package dev.taproot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.taproot.search.SimilarQuery;
import dev.taproot.search.eval.RetrievalEvaluation;
import dev.taproot.search.eval.RetrievalEvaluation.Figures;
import dev.taproot.search.eval.RetrievalEvaluation.Item;
import dev.taproot.search.lucene.SearchWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Similar-incident quality, leave-one-out: Taproot's query (field boosts, structured matches) beside
 * plain BM25 over the text, in the same run, on the public postmortems and on the replay cases.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Leave-one-out MRR and precision@5 of similar-incident search vs plain BM25.")
public final class RetrievalBench implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "The shared data folder (default: ../shared/data).")
    Path data = Path.of("../shared/data");

    @Option(names = "--embeddings", description = "Also measure sentence embeddings (all-MiniLM-L6-v2, in process): "
            + "alone and fused with Taproot's ranking, with their cost.")
    boolean embeddings;

    @Option(names = "--embed-threads", paramLabel = "N", description = "Threads that embed a batch (default: 2).")
    int embedThreads = 2;

    @Option(names = "--embed-cost-samples", paramLabel = "N", description = "Generated incidents timed for the cost figures (default: 200).")
    int embedCostSamples = 200;

    /** Both figures for one dataset. */
    public record Comparison(Figures taproot, Figures bm25) {
    }

    public static Comparison compare(String dataset, List<Item> items) {
        Figures full = RetrievalEvaluation.run(dataset + " taproot", items, SearchWeights.DEFAULT, Function.identity());
        Figures plain = RetrievalEvaluation.run(dataset + " plain BM25", items, SearchWeights.plainBm25(), SimilarQuery::textOnly);
        return new Comparison(full, plain);
    }

    @Override
    public Integer call() throws Exception {
        Comparison pm = compare("postmortems", RetrievalDatasets.postmortems(data.resolve("postmortems-icco/data")));
        Comparison cs = compare("cases", RetrievalDatasets.cases(data.resolve("cases")));
        for (Comparison c : List.of(pm, cs)) {
            System.out.println(c.taproot().line());
            System.out.println(c.bm25().line());
        }
        System.out.printf(Locale.ROOT, "bench retrieval: postmortems MRR=%.3f P@5=%.3f (BM25 %.3f/%.3f); cases MRR=%.3f P@5=%.3f (BM25 %.3f/%.3f)%n",
                pm.taproot().mrr(), pm.taproot().precisionAt5(), pm.bm25().mrr(), pm.bm25().precisionAt5(),
                cs.taproot().mrr(), cs.taproot().precisionAt5(), cs.bm25().mrr(), cs.bm25().precisionAt5());
        if (embeddings) {
            // a class of its own: without the option nothing of the embeddings (nor ONNX Runtime) loads
            EmbeddingRetrieval.print(data, embedThreads, embedCostSamples);
        }
        return 0;
    }
}
