package dev.taproot.ingest.telemetry;

import java.util.Comparator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;

/** Prints one case's strongest signals, on demand: {@code -Dtaproot.case=cases/nezha-tt/<id>}. */
class CaseSignalsDump {

    @Test
    void dump() throws Exception {
        String dir = System.getProperty("taproot.case");
        Assumptions.assumeTrue(dir != null, "on demand");
        CaseFixture c = CaseFixture.read(SharedData.require(dir));
        var writer = new GraphWriter();
        var report = new TelemetryAnalyzer().analyze(new TelemetryRequest(c.signals(), c.baseline(), c.window()), c.graph(), writer);
        System.out.println(report.summary() + " " + report.counts());
        System.out.println("expected " + c.rootCause() + " " + c.faultType());
        writer.batch().signals().stream().sorted(Comparator.comparingDouble((Signal s) -> -s.number("score", 0))).limit(25)
                .forEach(s -> System.out.printf("%6.1f %-16s %-40s %-32s base=%s obs=%s n=%s %s%n", s.number("score", 0), s.type(),
                        s.entityKey(), s.name(), s.attributes().get("baseline"), s.attributes().get("observed"),
                        s.attributes().get("anomalousPoints"), s.attributes().getOrDefault("template", "")));
    }
}
