package dev.taproot.rules.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.vocabulary.Vocabulary;

class RunbooksTest {

    static final Vocabulary V = Vocabulary.standard();

    static RunbookSubject cause(String faultType, Set<String> alerts, Set<String> rules) {
        return new RunbookSubject("payment-7c9-x2", "payment", "shop", "Pod", faultType, alerts, rules);
    }

    @Test
    void everyBuiltInRunbookPassesItsOwnExamples() {
        Runbooks builtIn = Runbooks.builtIn(V);
        assertThat(builtIn.all()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(builtIn.examples()).isGreaterThanOrEqualTo(2 * builtIn.all().size());
        assertThat(builtIn.test()).isEmpty();
    }

    @Test
    void aFaultTypeMatchesItsSupertypesRunbookAndAnAlertOrRuleMatchIsMoreSpecific() {
        Runbooks builtIn = Runbooks.builtIn(V);
        var oom = builtIn.matching(cause("OOMKilled", Set.of(), Set.of()));
        assertThat(oom).isNotEmpty();
        assertThat(oom.get(0).runbook().id()).isEqualTo("resource.out-of-memory");
        assertThat(oom.get(0).why()).contains("OOMKilled");

        var throttled = builtIn.matching(cause("CPUThrottling", Set.of(), Set.of()));
        assertThat(throttled.get(0).runbook().id()).isEqualTo("resource.cpu-saturation");
        assertThat(throttled.get(0).why()).contains("a kind of CPUSaturation");

        var deploy = builtIn.matching(cause("ErrorRate", Set.of(), Set.of("change.deploy-before-errors")));
        assertThat(deploy.get(0).runbook().id()).isEqualTo("change.roll-back");
        assertThat(deploy.get(0).weight()).isGreaterThan(throttled.get(0).weight());

        assertThat(builtIn.matching(cause("TrafficSurge", Set.of(), Set.of()))).as("nothing fits a traffic surge").isEmpty();
    }

    @Test
    void stepsGetTheCausesNames() {
        Runbook crash = Runbooks.builtIn(V).all().stream().filter(r -> r.id().equals("k8s.crash-loop")).findFirst().orElseThrow();
        var steps = Runbook.fill(crash.steps(), cause("CrashLoopBackOff", Set.of(), Set.of()).names());
        assertThat(String.join("\n", steps)).contains("kubectl -n shop logs payment-7c9-x2 --previous")
                .contains("rollout undo deployment/payment").doesNotContain("{");
    }

    @Test
    void badFilesAreRefusedNamingFileLineAndField() {
        var loader = new RunbookLoader(V);
        String unknownType = "runbooks:\n  - id: my.runbook\n    title: t\n    match: {faultTypes: [CrashLoop]}\n    steps: [x]\n";
        assertThatThrownBy(() -> loader.parse("team.yaml", unknownType)).isInstanceOf(RunbookFileException.class)
                .hasMessageContaining("team.yaml:2").hasMessageContaining("my.runbook.match.faultTypes")
                .hasMessageContaining("'CrashLoop' is not a type of the vocabulary");
        String noSteps = "runbooks:\n  - id: my.runbook\n    title: t\n    match: {alerts: [A]}\n";
        assertThatThrownBy(() -> loader.parse("team.yaml", noSteps)).hasMessageContaining("my.runbook.steps");
        String typo = "runbooks:\n  - id: my.runbook\n    title: t\n    match: {alerts: [A]}\n    step: [x]\n";
        assertThatThrownBy(() -> loader.parse("team.yaml", typo)).hasMessageContaining("my.runbook.step")
                .hasMessageContaining("unknown field");
        assertThatThrownBy(() -> loader.parse("team.yaml", "rules: []")).hasMessageContaining("'runbooks:' list");
        String badAction = "runbooks:\n  - id: my.runbook\n    title: t\n    match: {alerts: [A]}\n    steps: [x]\n    actions: [delete]\n";
        assertThatThrownBy(() -> loader.parse("team.yaml", badAction)).hasMessageContaining("team.yaml:2")
                .hasMessageContaining("my.runbook.actions").hasMessageContaining("'delete' is not an action");
        String goodAction = "runbooks:\n  - id: my.runbook\n    title: t\n    match: {alerts: [A]}\n    steps: [x]\n    actions: [scale, cordon]\n";
        assertThat(loader.parse("team.yaml", goodAction).get(0).actions()).containsExactly("scale", "cordon");
    }

    @Test
    void aDirectoryAddsRunbooksReplacesBuiltInOnesByIdAndIsReloadedWhenItChanges(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("team.yaml");
        Files.writeString(f, """
                runbooks:
                  - id: k8s.crash-loop
                    title: Our own crash-loop runbook
                    match: {faultTypes: [CrashLoopBackOff]}
                    steps: ["page the owning team of {service}"]
                """);
        var watched = new RunbookDirectory(dir, V, 0);
        var crash = watched.get().matching(cause("CrashLoopBackOff", Set.of(), Set.of()));
        assertThat(crash.get(0).runbook().title()).isEqualTo("Our own crash-loop runbook");
        assertThat(watched.get().all()).hasSize(Runbooks.builtIn(V).all().size());

        Files.writeString(f, """
                runbooks:
                  - id: team.payments
                    title: Payments on-call
                    match: {alerts: [PaymentsDown]}
                    steps: ["call the payments on-call"]
                """);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        var reloaded = watched.get();
        assertThat(reloaded.matching(cause("Unknown", Set.of("PaymentsDown"), Set.of())).get(0).runbook().id())
                .isEqualTo("team.payments");
        assertThat(reloaded.matching(cause("CrashLoopBackOff", Set.of(), Set.of())).get(0).runbook().title())
                .as("the built-in runbook is back once the override is gone").isEqualTo("A container keeps crashing and restarting");

        Files.writeString(f, "runbooks: [ {id: broken} ]");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertThat(watched.get().all()).as("a bad edit keeps the last good set").isEqualTo(reloaded.all());
    }
}
