package dev.taproot.api.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.ranking.FeedbackPrior;

/** Confirmed and rejected causes (Slack buttons, POST /feedback) change the next ranking of the same failure. */
class FeedbackChangesTheNextRankingTest {

    @TempDir
    Path dir;

    static Candidate named(Analysis a, String name) {
        return a.candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRejectedCauseDropsAndAConfirmedOneRisesByTheirFeedbackPrior() {
        var store = TestStores.emptyEmbedded();
        Taproot taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), store);
        DemoGraph.load(taproot);
        var engine = new RootCauseEngine(store, taproot.rules());
        var request = new AnalysisRequest(List.of("checkoutservice"), null, null, Instant.parse("2026-01-15T09:30:00Z"),
                Instant.parse("2026-01-15T10:05:00Z"), 3, Set.of(), 10);
        Analysis before = engine.analyze(request);
        Candidate payment = named(before, "paymentservice");
        Candidate frontend = named(before, "frontend");

        Instant at = Instant.parse("2026-01-15T11:00:00Z");
        for (String who : List.of("alice", "bob", "carol")) {
            store.addFeedback(new Feedback("r-" + who, Feedback.Kind.CAUSE_REJECTED, null, payment.entityKey(), null, null, who, at, null));
            store.addFeedback(new Feedback("c-" + who, Feedback.Kind.CAUSE_CONFIRMED, null, frontend.entityKey(), null, null, who, at, null));
        }
        Analysis after = engine.analyze(request);

        assertThat(named(after, "paymentservice").score() / payment.score()).isCloseTo(FeedbackPrior.of(0, 3), within(1e-9));
        assertThat(named(after, "frontend").score() / frontend.score()).isCloseTo(FeedbackPrior.of(3, 0), within(1e-9));
        assertThat(FeedbackPrior.of(0, 3)).isEqualTo(0.4);
        assertThat(FeedbackPrior.of(3, 0)).isEqualTo(1.6);
        assertThat(FeedbackPrior.of(2, 2)).isEqualTo(1.0);
        assertThat(named(after, "paymentservice").evidence().toString()).contains("people rejected it");
    }
}
