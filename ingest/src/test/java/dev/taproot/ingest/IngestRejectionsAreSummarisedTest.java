package dev.taproot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.store.RepeatedReasons;

/**
 * Finding (per-record warnings): a bad input produced one rejection per record, each kept in memory,
 * listed in the answer and logged. Now the first few of each kind are listed and the rest summarised.
 */
class IngestRejectionsAreSummarisedTest {

    @Test
    void manyRejectionsForTheSameReasonAreListedOnceAndCounted() {
        var result = new IngestResult.Builder("rdf", "request");
        for (int i = 0; i < 12_355; i++) {
            result.reject("<urn:e" + i + ">", "type 'tp:Bogus' is not an entity or signal type of the vocabulary");
        }
        result.reject("line 7", "field 'services': expected a list of strings");
        var built = result.build();
        assertThat(built.rejected()).hasSize(RepeatedReasons.DEFAULT_SHOWN_PER_KIND + 2);
        assertThat(built.rejected().getLast().reason())
                .isEqualTo("12,255 more records rejected for the same reason: type 'tp:Bogus' is not an entity or signal type of the vocabulary");
        assertThat(built.rejected()).anySatisfy(r -> assertThat(r.location()).isEqualTo("line 7"));
    }
}
