package dev.taproot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static final List<Scored> LEXICAL = List.of(new Scored("a", 9), new Scored("b", 5), new Scored("c", 1));
    private static final List<Scored> SEMANTIC = List.of(new Scored("c", 0.9), new Scored("d", 0.8), new Scored("a", 0.5));

    @Test
    void reciprocalRankSumsOneOverKPlusRankOfEachList() {
        List<Scored> fused = RankFusion.reciprocalRank(60, 1.0).fuse(LEXICAL, SEMANTIC);
        assertThat(fused).extracting(Scored::id).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
    }

    @Test
    void aSmallerSemanticWeightKeepsTheLexicalOrderOnTies() {
        List<Scored> fused = RankFusion.reciprocalRank(60, 0.5).fuse(LEXICAL, SEMANTIC);
        assertThat(fused).extracting(Scored::id).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 0.5 / 61, within(1e-12));
    }

    @Test
    void linearMixScalesEachListToUnitRangeFirst() {
        List<Scored> fused = RankFusion.linear(0.5).fuse(LEXICAL, SEMANTIC);
        // a: lexical 1.0, semantic 0.0 -> 0.5; c: 0 and 1 -> 0.5; b: 0.5 -> 0.25; d: 0.75 -> 0.375
        assertThat(fused).extracting(Scored::id).containsExactly("a", "c", "d", "b");
        assertThat(fused.get(2).score()).isCloseTo(0.375, within(1e-12));
        assertThat(RankFusion.linear(0).fuse(LEXICAL, SEMANTIC)).extracting(Scored::id).startsWith("a", "b", "c");
    }

    @Test
    void semanticOnlyIgnoresTheLexicalRanking() {
        assertThat(RankFusion.semanticOnly().fuse(LEXICAL, SEMANTIC)).isEqualTo(SEMANTIC);
    }

    @Test
    void anEmptySideLeavesTheOtherInItsOrder() {
        assertThat(RankFusion.reciprocalRank(60, 1).fuse(LEXICAL, List.of())).extracting(Scored::id).containsExactly("a", "b", "c");
        assertThat(RankFusion.linear(0.3).fuse(List.of(), SEMANTIC)).extracting(Scored::id).containsExactly("c", "d", "a");
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRejected() {
        assertThatThrownBy(() -> RankFusion.linear(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }
}
