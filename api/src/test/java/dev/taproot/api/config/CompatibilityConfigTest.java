package dev.taproot.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compatibility.file}: read at load, so a mistake in it is a configuration mistake with its file, line and field. */
class CompatibilityConfigTest {

    static final String BAD_PAIRS = """
            compatibility:
              - component: cart
                version: "1.5"
                breaksWith: {component: fx, version: "1.4*"}
              - component: till
                versoin: "2"
                breaksWith: {component: fx, version: "1.3"}
            """;

    @TempDir
    Path dir;

    ConfigLoader.Result load(String yaml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("taproot.yaml"), yaml);
        return ConfigLoader.load(file, env, CommandLineOverrides.NONE);
    }

    @Test
    void aMistakeInTheCompatibilityFileNamesThatFileItsLineAndField() throws IOException {
        Files.writeString(dir.resolve("compat.yaml"), BAD_PAIRS);
        var result = load("""
                rules: {}
                compatibility:
                  file: compat.yaml
                """, Map.of());
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(dir.resolve("taproot.yaml")
                + ":3: compatibility.file: compat.yaml:6: compatibility[1].versoin: unknown field; known: breaksWith,"
                + " component, note, version");
    }

    @Test
    void theFileIsResolvedNextToTheConfigurationAndTheVariableOverridesIt() throws IOException {
        Files.writeString(dir.resolve("compat.yaml"), BAD_PAIRS);
        Path good = Files.writeString(dir.resolve("good.yaml"), "compatibility: []\n");
        var yaml = "compatibility:\n  file: good.yaml\n";
        assertThat(load(yaml, Map.of()).orThrow().compatibilityFile()).isEqualTo(good);
        var overridden = load(yaml, Map.of("TAPROOT_COMPATIBILITY", dir.resolve("compat.yaml").toString()));
        assertThat(overridden.problems()).extracting(ConfigProblem::field).containsExactly("compatibility.file");
        assertThat(load("store: {}\n", Map.of()).orThrow().compatibilityFile()).isNull();
    }

    @Test
    void aMissingFileIsAMistake() throws IOException {
        var result = load("compatibility: {file: nowhere.yaml, pairs: 3}\n", Map.of());
        assertThat(result.problems()).extracting(ConfigProblem::toString).anySatisfy(s -> assertThat(s)
                .endsWith(":1: compatibility.file: no such file: " + dir.resolve("nowhere.yaml")));
        assertThat(result.problems()).extracting(ConfigProblem::field).contains("compatibility.pairs");
    }
}
