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
        String stripped = CypherText.of(q).code();
        assertThat(stripped).doesNotContain("CREATE", "DELETE", "SET", "MERGE", "DROP").contains("MATCH", "RETURN");
    }

    @Test
    void aDoubleSlashInsideAStringIsTextNotAComment() {
        String q = "WITH '//' AS x LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l";
        var text = CypherText.of(q);
        assertThat(text.code()).contains("LOAD CSV FROM", "RETURN l");
        assertThat(text.literals()).extracting(CypherText.Literal::text).containsExactly("//", "file:///etc/passwd");
        assertThat(CypherText.of("RETURN 'it\\'s' /* ' */ AS a").code()).isEqualTo("RETURN ''   AS a");
        assertThat(CypherText.of("RETURN 'open").complete()).isFalse();
    }
}
