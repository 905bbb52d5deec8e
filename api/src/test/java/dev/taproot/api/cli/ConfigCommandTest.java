package dev.taproot.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    private static final String BAD = """
            http:
              host: 127.0.0.1
              prot: 8080
            sources:
              prometheus:
                - name: prod
                  url: not-a-url
            """;

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one CLI run. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBuffer = new ByteArrayOutputStream();
        var errBuffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
        try {
            int code = TaprootCli.run(args);
            return new Run(code, outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aValidFileIsSummarisedWithSecretsMasked() throws IOException {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, """
                security:
                  tokens:
                    - {name: grafana, role: read, secret: grafana-secret-0123456789}
                chatops:
                  slack: {signingSecret: very-secret-signing-key}
                sources:
                  prometheus:
                    - {name: prod, url: "http://prometheus:9090", auth: {username: taproot, password: prom-password},
                       querySets: [istio]}
                """);
        Run run = run("config", "check", "--no-env", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(file + ": valid").contains("store:    embedded Neo4j")
                .contains("http:     http://127.0.0.1:8080").contains("1 token").contains("slack on (signing secret ***)")
                .contains("prometheus 'prod' http://prometheus:9090, auth basic taproot:***, 5 queries")
                .contains("sources:  each window compared with the 1h before it (tunables.liveBaseline), within 20s");
        assertThat(run.out() + run.err()).doesNotContain("grafana-secret").doesNotContain("very-secret")
                .doesNotContain("prom-password");
    }

    @Test
    void everyMistakeIsPrintedWithItsLineAndFieldAndTheExitCodeIsOne() throws IOException {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, BAD);
        Run run = run("config", "check", "--no-env", file.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":3: http.prot: unknown field; did you mean 'port'?")
                .contains(file + ":7: sources.prometheus[0].url: must be an absolute http(s) URL, was 'not-a-url'")
                .contains(file + ": 2 mistakes");
    }

    @Test
    void aBadRuleFileInTheRulesDirectoryFailsTheCheck() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/custom.yaml"), "rules:\n  - id: custom.broken\n    confidence: very\n");
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, "rules: {directory: rules}\n");
        Run run = run("config", "check", "--no-env", file.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(file + ": rules.directory: ").contains("custom.yaml");
    }

    @Test
    void aBadRunbookFileFailsTheCheckAndRunbooksTestReportsAFailingExample() throws IOException {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(dir.resolve("runbooks/team.yaml"), "runbooks:\n  - id: team.x\n    title: t\n    match: {faultTypes: [Nope]}\n    steps: [s]\n");
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, "runbooks: {directory: runbooks}\n");
        Run run = run("config", "check", "--no-env", file.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(file + ": runbooks.directory: ").contains("team.yaml:2").contains("'Nope'");

        Files.writeString(dir.resolve("runbooks/team.yaml"), """
                runbooks:
                  - id: team.x
                    title: t
                    match: {faultTypes: [OOMKilled]}
                    steps: [s]
                    examples:
                      - {name: wrong on purpose, given: {faultType: CPUAnomaly}, expect: match}
                """);
        Run test = run("runbooks", "test", dir.resolve("runbooks").toString());
        assertThat(test.code()).isEqualTo(1);
        assertThat(test.out()).contains("FAIL team.x").contains("wrong on purpose").contains("1 failed");
        assertThat(run("runbooks", "test").code()).as("the built-in runbooks pass").isZero();
    }

    @Test
    void checkReadsTheCompatibilityFileAndNamesItsMistake() throws IOException {
        Files.writeString(dir.resolve("compat.yaml"), """
                compatibility:
                  - component: cart
                    version: "1.5"
                    breaksWith: {component: fx}
                """);
        Path file = Files.writeString(dir.resolve("taproot.yaml"), "compatibility:\n  file: compat.yaml\n");
        Run bad = run("config", "check", "--no-env", file.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains(file + ":2: compatibility.file: compat.yaml:4: compatibility[0].breaksWith.version:"
                + " required: a name or version as text");
        Files.writeString(dir.resolve("compat.yaml"), "compatibility: []\n");
        Run good = run("config", "check", "--no-env", file.toString());
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(good.out()).contains("compat:   version pairs declared in " + dir.resolve("compat.yaml"));
    }

    @Test
    void theExampleFileChecksClean() {
        Run run = run("config", "check", "--no-env", Path.of("..", "taproot.example.yaml").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("valid").doesNotContain("warning");
    }

    @Test
    void serveRefusesABadFileNamingTheLineBeforeOpeningTheStore() throws IOException {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, BAD);
        Path data = dir.resolve("data");
        Run run = run("serve", "--config", file.toString(), "--data", data.toString(), "--port", "0", "--bolt-port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the configuration has 2 mistakes").contains(file + ":3: http.prot: unknown field");
        assertThat(data).doesNotExist();
    }

    @Test
    void serveRefusesAMissingRulesDirectory() {
        Path data = dir.resolve("data");
        Run run = run("serve", "--rules", dir.resolve("no-rules").toString(), "--data", data.toString(), "--port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("rules.directory: no such directory");
        assertThat(data).doesNotExist();
    }
}
