package dev.taproot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.pack.RuleDirectoryWatcher;
import dev.taproot.rules.pack.RuleFileException;
import dev.taproot.rules.pack.RuleLoader;
import dev.taproot.rules.pack.RulePack;

class RuleLoaderTest {

    static final String GOOD = """
            rules:
              - id: custom.slow-disk
                title: Slow disk makes the database slow
                category: datastore
                cause: {signal: [DiskIOSaturation], where: {score: ">= $minScore"}}
                effect: {signal: [SlowQuery]}
                relation: same-entity
                time: {before: 10m, after: 1m}
                confidence: 0.7
                message: "{cause.entity} disk is saturated"
                thresholds: {minScore: 5}
                overrides:
                  - namespace: batch
                    thresholds: {minScore: 50}
                examples:
                  - name: saturated disk, slow queries
                    entities: ["Database db/main"]
                    signals: ["DiskIOSaturation db/main -1m score=9", "SlowQuery db/main 0"]
                    expect: db/main
                  - name: below threshold
                    entities: ["Database db/main"]
                    signals: ["DiskIOSaturation db/main -1m score=2", "SlowQuery db/main 0"]
                    expect: none
            """;

    final RuleLoader loader = new RuleLoader(Vocabulary.standard());

    @Test
    void aRuleFileLoadsWithThresholdsOverridesAndExamples() {
        Rule r = loader.parse("custom.yaml", GOOD, new HashSet<>()).get(0);
        assertThat(r.id()).isEqualTo("custom.slow-disk");
        assertThat(r.thresholds()).containsEntry("minScore", 5.0);
        assertThat(r.overrides()).hasSize(1);
        assertThat(r.examples()).hasSize(2);
        var results = new dev.taproot.rules.test.RuleTestRunner(Vocabulary.standard()).run(new RulePack("t", java.util.List.of(r)));
        assertThat(results).allMatch(dev.taproot.rules.test.RuleTestRunner.Outcome::passed);
    }

    @Test
    void anUnknownSignalTypeIsReportedWithFileLineAndField() {
        String bad = GOOD.replace("[SlowQuery]", "[SlowQueryy]");
        assertThatThrownBy(() -> loader.parse("custom.yaml", bad, new HashSet<>()))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("custom.yaml:6")
                .hasMessageContaining("effect.signal")
                .hasMessageContaining("SlowQueryy");
    }

    @Test
    void aThresholdWithoutDefaultAndABadIdAreRejected() {
        assertThatThrownBy(() -> loader.parse("f.yaml", GOOD.replace("thresholds: {minScore: 5}", ""), new HashSet<>()))
                .hasMessageContaining("$minScore");
        assertThatThrownBy(() -> loader.parse("f.yaml", GOOD.replace("custom.slow-disk", "SlowDisk"), new HashSet<>()))
                .hasMessageContaining("area.kebab-name").hasMessageContaining("f.yaml:2");
        assertThatThrownBy(() -> loader.parse("f.yaml", "rules: [ {id: x.y", new HashSet<>()))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void overridesApplyPerNamespace() {
        Rule r = loader.parse("custom.yaml", GOOD, new HashSet<>()).get(0);
        var inBatch = Entity.of("db/main", "Database", "main").withProperty("namespace", "batch");
        assertThat(r.overrides().get(0).appliesTo(inBatch)).isTrue();
        assertThat(r.overrides().get(0).appliesTo(Entity.of("db/x", "Database", "x"))).isFalse();
    }

    @Test
    void theWatcherReloadsOnChangeAndKeepsTheLastGoodPackOnABadFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("custom.yaml"), GOOD);
        var watcher = new RuleDirectoryWatcher(RulePack.builtIn(), dir, loader, 0);
        int builtIn = RulePack.builtIn().rules().size();
        assertThat(watcher.get().rules()).hasSize(builtIn + 1);
        Files.writeString(dir.resolve("custom.yaml"), GOOD.replace("confidence: 0.7", "confidence: 7"));
        assertThat(watcher.get().rule("custom.slow-disk")).isPresent();
        assertThat(watcher.lastError()).isNotNull();
        assertThat(watcher.lastError().getMessage()).contains("custom.yaml").contains("confidence");
        Files.writeString(dir.resolve("custom.yaml"), GOOD.replace("confidence: 0.7", "confidence: 0.5"));
        assertThat(watcher.get().rule("custom.slow-disk").orElseThrow().confidence()).isEqualTo(0.5);
        assertThat(watcher.lastError()).isNull();
    }
}
