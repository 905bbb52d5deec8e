package dev.taproot.api.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChatCommandTest {

    @Test
    void wordsAndArguments() {
        assertThat(ChatCommand.parse("why checkout is slow")).isEqualTo(new ChatCommand(ChatCommand.Verb.WHY, "checkout is slow"));
        assertThat(ChatCommand.parse("  SIMILAR  redis evicted ")).isEqualTo(new ChatCommand(ChatCommand.Verb.SIMILAR, "redis evicted"));
        assertThat(ChatCommand.parse("blast redis-cart").verb()).isEqualTo(ChatCommand.Verb.BLAST);
        assertThat(ChatCommand.parse("health").verb()).isEqualTo(ChatCommand.Verb.HEALTH);
        assertThat(ChatCommand.parse("")).isEqualTo(new ChatCommand(ChatCommand.Verb.HELP, ""));
        assertThat(ChatCommand.parse("help")).isEqualTo(new ChatCommand(ChatCommand.Verb.HELP, ""));
        assertThat(ChatCommand.parse("reboot everything")).isEqualTo(new ChatCommand(ChatCommand.Verb.HELP, "reboot everything"));
    }

    @Test
    void anExplicitTimeEndsTheText() {
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
        var t = dev.taproot.api.diagnosis.TimedText.parse("paymentservice at 2026-01-15T10:01:00Z");
        assertThat(t.text()).isEqualTo("paymentservice");
        assertThat(t.atOr(now)).isEqualTo(Instant.parse("2026-01-15T10:01:00Z"));
        assertThat(t.question().explicitWindow()).isTrue();
        var plain = dev.taproot.api.diagnosis.TimedText.parse("checkout is slow at night");
        assertThat(plain.text()).isEqualTo("checkout is slow at night");
        assertThat(plain.atOr(now)).isEqualTo(now);
        assertThat(plain.question().explicitWindow()).isFalse();
    }

    @Test
    void slackTextIsEscapedAndButtonsCarryTheAnalysis() {
        var answer = new ChatAnswer(ChatCommand.parse("why x"), "Why <x>", "a & b",
                java.util.List.of(new ChatAnswer.Cause("service/x", "x", "OOMKilled", 0.72, java.util.List.of("x OOMKilled"), false)),
                java.util.List.of(new ChatAnswer.PastIncident("INC-1", "old", "raised memory", "https://runbooks/x", "title: x", 1.0)),
                java.util.List.of(), "a-1");
        String json = SlackBlocks.message(answer).toString();
        assertThat(json).contains("a &amp; b").contains("confidence 72%").contains("a-1|service/x").contains("a-1|INC-1")
                .contains("<https://runbooks/x|INC-1>");
    }
}
