package dev.taproot.api.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BoundedRegexTest {

    @Test
    void patternsThatBacktrackExponentiallyOrUnboundedlyAreRefused() {
        for (String bad : List.of("(a+)+$", "(a*)*b", "(x|xx)*y", "((ab)+c)+", "(a{1,5}){2,}", "(.*a){12}",
                "(\\w+\\s?)+$", "(a)\\1", "(?=a)a", ".*a.*b.*c.*d", "x".repeat(300), "(unclosed")) {
            assertThat(BoundedRegex.problem(bad)).as(bad).isPresent();
        }
    }

    @Test
    void everydayPatternsPass() {
        for (String ok : List.of("cart.*", "(?i)payment.*service", "^k8s/[a-z-]+/Deployment/.+$", "(foo|bar)service",
                "[0-9]{3}", "(ab)?c+", "a{2}", "(?:front|back)end-[a-f0-9]{5}", "\\d+\\.\\d+")) {
            assertThat(BoundedRegex.problem(ok)).as(ok).isEmpty();
        }
    }
}
