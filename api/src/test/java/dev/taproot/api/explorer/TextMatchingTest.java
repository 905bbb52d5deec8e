package dev.taproot.api.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchingTest {

    @Test
    void similarityRanksExactPrefixSubstringThenTypos() {
        assertThat(EntitySearch.similarity("cartservice", "cartservice")).isEqualTo(1.0);
        assertThat(EntitySearch.similarity("cart", "cartservice")).isEqualTo(0.9);
        assertThat(EntitySearch.similarity("service", "cartservice")).isEqualTo(0.8);
        assertThat(EntitySearch.similarity("cartservce", "cartservice")).isGreaterThan(0.85);
        assertThat(EntitySearch.similarity("redis", "paymentservice")).isLessThan(0.6);
        assertThat(EntitySearch.levenshtein("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void literalsAndCommentsNeverTripTheWriteFilter() {
        String q = "MATCH (n {name: 'CREATE this'}) // DELETE that\n RETURN n.`SET` AS \"MERGE\" /* DROP */";
        String stripped = CypherConsole.stripLiterals(q);
        assertThat(stripped).doesNotContain("CREATE", "DELETE", "SET", "MERGE", "DROP").contains("MATCH", "RETURN");
    }
}
