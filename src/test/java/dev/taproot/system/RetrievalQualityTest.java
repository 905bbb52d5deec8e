package dev.taproot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.taproot.bench.RetrievalBench;
import dev.taproot.bench.RetrievalDatasets;
import dev.taproot.graph.testing.SharedData;

/**
 * Similar-incident quality must not drop: leave-one-out MRR and precision@5 on the public
 * postmortems (same category = relevant) and the replay cases (same root-cause service and fault type
 * = relevant), each beside plain BM25 in the same run. The floors sit just under the figures the
 * README reports ({@code ./taproot bench retrieval}).
 */
class RetrievalQualityTest {

    @Test
    void postmortemRetrievalKeepsItsFiguresAndPlainBm25StaysBehindOnMrr() throws Exception {
        var items = RetrievalDatasets.postmortems(SharedData.require("postmortems-icco/data"));
        var c = RetrievalBench.compare("postmortems", items);
        System.out.println(c.taproot().line());
        System.out.println(c.bm25().line());
        assertThat(c.taproot().queries()).isEqualTo(186);
        assertThat(c.taproot().mrr()).isGreaterThanOrEqualTo(0.89);
        assertThat(c.taproot().precisionAt5()).isGreaterThanOrEqualTo(0.77);
        assertThat(c.taproot().mrr()).isGreaterThanOrEqualTo(c.bm25().mrr());
    }

    @Test
    void caseRetrievalKeepsItsFiguresAndPlainBm25StaysBehindOnMrr() throws Exception {
        var items = RetrievalDatasets.cases(SharedData.require("cases"));
        var c = RetrievalBench.compare("cases", items);
        System.out.println(c.taproot().line());
        System.out.println(c.bm25().line());
        assertThat(c.taproot().queries()).isEqualTo(114);
        assertThat(c.taproot().mrr()).isGreaterThanOrEqualTo(0.44);
        assertThat(c.taproot().precisionAt5()).isGreaterThanOrEqualTo(0.24);
        assertThat(c.taproot().mrr()).isGreaterThanOrEqualTo(c.bm25().mrr());
    }
}
