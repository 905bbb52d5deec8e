package dev.taproot.api.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.taproot.api.Taproot;
import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.api.diagnosis.DiagnoseRequest;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.diagnosis.DiagnosisText;
import dev.taproot.api.eval.EvalRunner;
import dev.taproot.rules.engine.AnalysisText;
import dev.taproot.rules.eval.CaseSpec;

/**
 * {@code taproot analyze}: ranks root causes of a symptom in a window against the store, or replays
 * one labelled case ({@code --case DIR}) in a temporary store and prints its full answer.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Rank the root causes of a symptom in a window, with their evidence.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = {"-s", "--symptom"}, paramLabel = "ENTITY", description = "Symptom entity name or key (repeatable; none: the engine picks).")
    List<String> symptoms = new ArrayList<>();

    @Option(names = "--alert", paramLabel = "NAME", description = "An alert name that fired.")
    String alert;

    @Option(names = "--text", paramLabel = "TEXT", description = "Free text describing the symptom.")
    String text;

    @Option(names = "--from", paramLabel = "TIME", description = "Window start (ISO-8601; default: 30 minutes ago).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "Window end (ISO-8601; default: now).")
    Instant to;

    @Option(names = "--depth", defaultValue = "3", description = "Hops around the symptom to read (1..6).")
    int depth;

    @Option(names = "--rule", paramLabel = "ID", description = "Use only these rules (repeatable).")
    List<String> ruleIds = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory overriding the built-in pack (default: rules.directory, $TAPROOT_RULES).")
    Path rulesDir;

    @Option(names = "--case", paramLabel = "DIR", description = "Replay one labelled case folder in a temporary store instead.")
    Path caseDir;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    @Mixin
    ServerClient client;

    @Override
    public Integer call() {
        if (caseDir != null) {
            return replayCase();
        }
        var request = new DiagnoseRequest(symptoms, alert, text, from, to, depth, new LinkedHashSet<>(ruleIds), 0);
        if (client.remote()) {
            var body = new java.util.LinkedHashMap<String, Object>();
            var symptom = new java.util.LinkedHashMap<String, Object>();
            symptom.put("entities", symptoms);
            if (alert != null) {
                symptom.put("alert", alert);
            }
            if (text != null) {
                symptom.put("text", text);
            }
            body.put("symptom", symptom);
            var window = new java.util.LinkedHashMap<String, Object>();
            if (from != null) {
                window.put("start", from.toString());
            }
            if (to != null) {
                window.put("end", to.toString());
            }
            body.put("window", window);
            body.put("depth", depth);
            body.put("rules", ruleIds);
            String answer = client.post("/api/v1/analyses" + (json ? "" : "?format=text"), "application/json",
                    AnalysisJson.mapper().valueToTree(body).toString());
            System.out.print(json ? answer + "\n" : answer);
            return 0;
        }
        try (Taproot taproot = Taproot.start(options.config(rulesDir))) {
            Diagnosis diagnosis = taproot.diagnose().diagnose(request);
            System.out.print(json ? AnalysisJson.write(diagnosis) + "\n" : DiagnosisText.render(diagnosis));
        }
        return 0;
    }

    private int replayCase() {
        CaseSpec spec = CaseSpec.read(caseDir);
        try (EvalRunner runner = EvalRunner.startTemporary(EvalWiring.registry(), EvalWiring.rules(options.configFile, rulesDir))) {
            EvalRunner.Replay replay = runner.replay(spec);
            if (replay.analysis() == null) {
                throw new IllegalStateException("case " + spec.id() + " failed: " + replay.outcome().error());
            }
            if (json) {
                System.out.println(AnalysisJson.write(replay.analysis()));
            } else {
                System.out.println("case " + spec.id() + " (" + spec.system() + "): loaded " + replay.loaded().records()
                        + " records" + (replay.loaded().notes().isEmpty() ? "" : ", notes: " + replay.loaded().notes()));
                System.out.print(AnalysisText.render(replay.analysis()));
                System.out.println("expected: " + spec.expectedRootCause() + " (" + spec.expectedFaultType()
                        + "), rank " + (replay.outcome().rank() == 0 ? "not ranked" : replay.outcome().rank()));
            }
        }
        return 0;
    }
}
