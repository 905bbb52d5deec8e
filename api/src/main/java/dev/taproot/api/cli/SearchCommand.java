package dev.taproot.api.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import dev.taproot.api.memory.SimilarQueries;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taproot search TEXT}: past incidents like a failure, each with its resolution and why it matched. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Find similar past incidents and how they were resolved.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Free text: the symptom, alert text, log lines.")
    List<String> text = List.of();

    @Option(names = "--service", split = ",", description = "Services or entities involved.")
    List<String> services = List.of();
    @Option(names = "--alert", split = ",", description = "Alert names that fired.")
    List<String> alerts = List.of();
    @Option(names = "--fault", split = ",", description = "Fault types seen (e.g. OOMKilled).")
    List<String> faults = List.of();
    @Option(names = "--cause", split = ",", description = "Candidate root-cause entities.")
    List<String> causes = List.of();
    @Option(names = {"-n", "--limit"}, description = "How many incidents (default ${DEFAULT-VALUE}).")
    int limit = SimilarQuery.DEFAULT_LIMIT;
    @Option(names = "--explain", description = "Print the full score explanation of each hit.")
    boolean explain;

    @Mixin
    ServerClient client;

    @Override
    public Integer call() {
        var q = SimilarQuery.builder().text(String.join(" ", text)).services(services).alerts(alerts)
                .faultTypes(faults).candidateCauses(causes).limit(limit).explain(explain).build();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("give some text or --service/--alert/--fault/--cause");
        }
        if (client.remote()) {
            return searchRemote();
        }
        try (Taproot taproot = Taproot.start(options.config())) {
            List<SimilarHit> hits = taproot.memory().similar(SimilarQueries.withNeighbours(q, taproot.store()));
            int rank = 1;
            for (SimilarHit h : hits) {
                System.out.printf(Locale.ROOT, "%d. %s  %s  (score %.2f)%n", rank++, h.id(), h.title(), h.score());
                if (h.resolution() != null) {
                    System.out.println("   resolution: " + h.resolution());
                }
                if (h.runbook() != null) {
                    System.out.println("   runbook:    " + h.runbook());
                }
                if (h.resolvedBy() != null) {
                    System.out.println("   resolved by " + h.resolvedBy());
                }
                System.out.println("   why:        " + h.why());
                if (explain && h.explanation() != null) {
                    System.out.print(h.explanation().render().indent(3));
                }
            }
            System.out.println("search: " + hits.size() + " similar incidents");
            return 0;
        }
    }

    private int searchRemote() {
        var params = new java.util.ArrayList<java.util.Map.Entry<String, String>>();
        if (!text.isEmpty()) {
            params.add(java.util.Map.entry("q", String.join(" ", text)));
        }
        services.forEach(v -> params.add(java.util.Map.entry("service", v)));
        alerts.forEach(v -> params.add(java.util.Map.entry("alert", v)));
        faults.forEach(v -> params.add(java.util.Map.entry("fault", v)));
        causes.forEach(v -> params.add(java.util.Map.entry("cause", v)));
        params.add(java.util.Map.entry("limit", Integer.toString(limit)));
        var hits = client.get("/api/v1/incidents/similar", params).path("hits");
        int rank = 1;
        for (var h : hits) {
            System.out.printf(Locale.ROOT, "%d. %s  %s  (score %.2f)%n", rank++, h.path("id").asText(), h.path("title").asText(),
                    h.path("score").asDouble());
            line("   resolution: ", h.path("resolution"));
            line("   runbook:    ", h.path("runbook"));
            line("   resolved by ", h.path("resolvedBy"));
            line("   why:        ", h.path("why"));
        }
        System.out.println("search: " + hits.size() + " similar incidents");
        return 0;
    }

    private static void line(String label, com.fasterxml.jackson.databind.JsonNode v) {
        if (!v.isMissingNode() && !v.isNull()) {
            System.out.println(label + (v.isTextual() ? v.asText() : v.toString()));
        }
    }
}
