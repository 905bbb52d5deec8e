package dev.taproot.graph.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

/**
 * Finding: two 33 MB N-Triples bodies with invalid IRIs wrote 4 million warning lines (531 MB of log),
 * one per triple. Now the first few of each kind are logged and the rest summarised in one line.
 */
class RdfParseWarningsAreSummarisedTest {

    static final int TRIPLES = 5_000;

    @Test
    void aWarningPerTripleBecomesAFewLinesAndASummary() {
        var sb = new StringBuilder();
        for (int i = 0; i < TRIPLES; i++) {
            sb.append("<http://example.org/e").append(i).append("%2> <https://taproot.dev/ns#name> \"e").append(i).append("\" .\n");
        }
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            RdfImport.read(sb.toString().getBytes(StandardCharsets.UTF_8), Lang.NTRIPLES, "urn:test:");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        long lines = log.lines().filter(l -> l.contains("Bad IRI") || l.contains("more warnings")).count();
        assertThat(lines).isLessThanOrEqualTo(SummarisedParseWarnings.SHOWN_PER_KIND + 1);
        assertThat(log).contains("4,995 more warnings for the same reason: Bad IRI");
    }

    @Test
    void theSummaryCountsPerKindAndKeepsTheFirstOfEach() {
        var logged = new ArrayList<String>();
        var handler = new SummarisedParseWarnings("doc", logged::add);
        for (int i = 0; i < 1_000; i++) {
            handler.warning("Bad IRI: <http://x/" + i + "%2> : [Posn 12] Incomplete %-encoded character", i, 1);
            handler.warning("Not advisable IRI: <urn:" + i + ">", i, 1);
        }
        handler.finish();
        assertThat(logged).hasSize(12);
        assertThat(logged).contains("doc: 995 more warnings for the same reason: Bad IRI: <http://x/0%2> : [Posn 12] Incomplete %-encoded character",
                "doc: 995 more warnings for the same reason: Not advisable IRI: <urn:0>");
    }
}
