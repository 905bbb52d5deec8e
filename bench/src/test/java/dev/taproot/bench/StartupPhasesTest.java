package dev.taproot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StartupPhasesTest {

    @Test
    void phaseTimingsAreReadFromTheServerLogInOrderWithoutShutdownLines() {
        var log = List.of(
                "2026-12-05T20:30:01.100+0000 INFO dev.taproot.api.cli.ServeCommand - JVM and command line ready in 1840 ms",
                "2026-12-05T20:30:09.000+0000 INFO dev.taproot.graph.embedded.EmbeddedNeo4j - embedded Neo4j started in 7012 ms, data in /tmp/x, Bolt on 127.0.0.1:4242 (authenticated; credentials in /tmp/x/bolt-credentials)",
                "2026-12-05T20:30:09.300+0000 INFO dev.taproot.api.Taproot - graph store opened in 7400 ms",
                "taproot: serving http://127.0.0.1:8080/api/v1/health (graph: embedded)",
                "2026-12-05T20:30:09.900+0000 INFO dev.taproot.api.http.TaprootServer - HTTP server started in 580 ms",
                "2026-12-05T20:30:09.950+0000 INFO dev.taproot.api.http.TaprootServer - HTTP server started in 9 ms",
                "2026-12-05T20:31:00.000+0000 INFO dev.taproot.graph.embedded.EmbeddedNeo4j - embedded Neo4j stopped in 352 ms");

        assertThat(StartupPhases.parse(log)).containsExactly(
                Map.entry("JVM and command line ready", 1840L),
                Map.entry("embedded Neo4j started", 7012L),
                Map.entry("graph store opened", 7400L),
                Map.entry("HTTP server started", 580L));
    }

    @Test
    void mediansAndMaximaAreTakenOverTheRunsThatLoggedEachPhase() {
        var medians = StartupPhases.medians(List.of(
                Map.of("index opened", 30L), Map.of("index opened", 10L), Map.of("index opened", 20L, "late phase", 5L)));

        assertThat(medians.get("index opened")).containsExactly(20L, 30L);
        assertThat(medians.get("late phase")).containsExactly(5L, 5L);
    }
}
