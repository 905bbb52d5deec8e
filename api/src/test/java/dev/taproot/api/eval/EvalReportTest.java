package dev.taproot.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.rules.eval.CaseOutcome;

/** The evidence table tells a limit of the bundle (the cause shows nothing) from a limit of the engine. */
class EvalReportTest {

    private static CaseOutcome outcome(String id, String fault, int rank, Boolean own) {
        return new CaseOutcome(id, "sys", fault, "cart", List.of("a", "b", "c", "cart"), rank, 1.0, null, 0.5, null, own);
    }

    @Test
    void evidenceOnTheTrueCauseIsCountedPerFaultTypeWithTheTopThreeOnEachSide() {
        var outcomes = List.of(outcome("1", "delay", 1, true), outcome("2", "delay", 5, true),
                outcome("3", "delay", 2, false), outcome("4", "delay", 0, false), outcome("5", "cpu", 1, true),
                outcome("6", "cpu", 1, null));
        var bytes = new ByteArrayOutputStream();
        new EvalReport(outcomes, null).evidenceTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("evidence on the true cause");
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly("delay", "4", "2", "1 of 2", "1 of 2"));
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly("cpu", "1", "1", "1 of 1", "-"));
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly("all", "5", "3", "2 of 3", "1 of 2"));
    }

    @Test
    void nothingIsPrintedWhenNoCaseWasChecked() {
        var bytes = new ByteArrayOutputStream();
        new EvalReport(List.of(outcome("1", "delay", 1, null)), null).evidenceTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
