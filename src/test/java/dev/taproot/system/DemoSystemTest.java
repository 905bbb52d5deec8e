package dev.taproot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.cli.DemoCommand;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.graph.testing.TestStores;

/** The README's first promise: the demo prints a ranked root cause with evidence and a similar past incident. */
class DemoSystemTest {

    @Test
    void demoAttributesTheCheckoutFailureToThePaymentServiceAndFindsHowItWasFixedBefore(@TempDir Path data)
            throws Exception {
        var store = TestStores.emptyEmbedded();
        var config = new TaprootConfig(data, StoreConfig.embedded(data.resolve("graph"), 0), "127.0.0.1", 0);
        var bytes = new ByteArrayOutputStream();
        try (Taproot taproot = Taproot.over(config, store);
             var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            var diagnosis = DemoCommand.run(taproot, out);

            var top = diagnosis.analysis().top();
            assertThat(top).isNotNull();
            assertThat(top.name()).isEqualTo("paymentservice");
            assertThat(diagnosis.analysis().noConfidentCause()).isFalse();
            assertThat(diagnosis.similar()).isNotEmpty();
            assertThat(diagnosis.similar().get(0).rootCause()).isEqualTo("paymentservice");
            assertThat(diagnosis.similar().get(0).resolution()).isNotBlank();
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("1. paymentservice").contains("CheckoutHighErrorRate")
                .contains("Similar past incidents").contains("resolution:");
        assertReadmeShowsWhatTheDemoPrints(printed);
        assertRanksReadInOrderOfConfidence(printed);
    }

    /** Every line of the README's demo block (but "..." and the timing) is a line the demo printed. */
    static void assertReadmeShowsWhatTheDemoPrints(String printed) throws java.io.IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "..", "README.md"));
        int from = readme.indexOf("```\n== Analysis: why is checkoutservice failing? ==");
        assertThat(from).as("the README shows the demo's analysis").isPositive();
        String block = readme.substring(from + 4, readme.indexOf("```", from + 4));
        var lines = printed.lines().map(l -> l.replaceAll("in [0-9.]+ ms$", "in N ms")).toList();
        for (String line : block.lines().toList()) {
            if (line.isBlank() || line.contains("...")) {
                continue;
            }
            assertThat(lines).as("README line printed by the demo").contains(line.replaceAll("in [0-9.]+ ms$", "in N ms"));
        }
    }

    static void assertRanksReadInOrderOfConfidence(String printed) {
        var m = java.util.regex.Pattern.compile("(?m)^  \\d+\\. .* confidence ([0-9.]+)$").matcher(printed);
        double previous = 1.0;
        int seen = 0;
        while (m.find()) {
            double c = Double.parseDouble(m.group(1));
            assertThat(c).as("confidence at rank " + (seen + 1)).isLessThanOrEqualTo(previous);
            previous = c;
            seen++;
        }
        assertThat(seen).isGreaterThanOrEqualTo(2);
    }
}
