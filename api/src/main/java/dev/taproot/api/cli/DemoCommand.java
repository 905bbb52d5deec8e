package dev.taproot.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import dev.taproot.api.diagnosis.DiagnoseRequest;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.diagnosis.DiagnosisText;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.NdjsonIncidentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taproot demo}: one failure end to end on the embedded store. Ingests the Online Boutique
 * manifests, loads an illustrative incident history, fires a failure as Alertmanager alerts, prints
 * the analysis with its evidence and the most similar past incidents, then keeps serving.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Taproot on demo data: ingest, fire a failure, print the analysis, then serve.")
public final class DemoCommand implements Callable<Integer> {

    static final String MANIFESTS = "/demo/online-boutique.yaml";
    static final String ALERTS = "/demo/alertmanager-checkout-failure.json";
    static final String HISTORY = "/demo/incident-history.ndjson";
    /** The demo failure's window: the alerts in {@link #ALERTS} fire inside it. */
    static final Instant WINDOW_START = Instant.parse("2026-01-15T09:45:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-01-15T10:05:00Z");
    static final String SYMPTOM = "checkoutservice";
    static final String SYMPTOM_ALERT = "CheckoutHighErrorRate";

    @Mixin
    StoreOptions options;

    @Option(names = "--no-serve", description = "Print the analysis and exit instead of serving.")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        var config = options.config();
        PrintStream out = System.out;
        Taproot taproot = Taproot.start(config);
        boolean handedOver = false;
        try {
            out.println("taproot demo: graph " + taproot.store().describe() + ", data in " + config.dataDir());
            Diagnosis diagnosis = run(taproot, out);
            if (diagnosis.analysis().candidates().isEmpty()) {
                out.println("taproot demo: the engine named no cause (see above)");
            }
            if (noServe) {
                return 0;
            }
            SecurityConfig security = config.security();
            String token = null;
            if (security.acceptsNothing()) {
                SecurityConfig.Issued issued = security.issue("demo-admin", Role.ADMIN);
                security = issued.config();
                token = issued.secret();
            }
            TaprootServer server = TaprootServer.start(taproot, security);
            handedOver = true;
            printUrls(out, config.http().scheme() + "://" + config.httpHost() + ":" + server.port(), token);
            ServeCommand.awaitShutdown(taproot, server);
            return 0;
        } finally {
            if (!handedOver) {
                taproot.close();
            }
        }
    }

    /** Loads the demo data into {@code taproot}, analyses the failure, prints everything; returns the answer. */
    public static Diagnosis run(Taproot taproot, PrintStream out) throws IOException, MalformedInputException {
        var ingest = taproot.ingest();
        IngestReport topology = ingest.ingest(resource(MANIFESTS, WINDOW_START), false);
        out.printf("1. topology: %d entities, %d relationships from the Online Boutique manifests%n",
                topology.entities(), topology.relationships());

        IncidentImporter.Summary history;
        try (InputStream in = DemoCommand.class.getResourceAsStream(HISTORY)) {
            history = taproot.memory().importFrom(new NdjsonIncidentReader("demo incident history", in),
                    IncidentImporter.Listener.NONE);
        }
        out.printf("2. history: %d past incidents (illustrative)%n", history.imported());

        IngestReport alerts = ingest.ingest(resource(ALERTS, WINDOW_END), false);
        out.printf("3. failure: %d Alertmanager alerts fired between %s and %s%n", alerts.signals(),
                WINDOW_START, WINDOW_END);

        Diagnosis diagnosis = taproot.diagnose().diagnose(question());
        out.println();
        out.println("== Analysis: why is " + SYMPTOM + " failing? ==");
        out.print(DiagnosisText.render(diagnosis));
        out.println();
        return diagnosis;
    }

    /** The demo's question, as every surface can ask it. */
    public static DiagnoseRequest question() {
        return new DiagnoseRequest(List.of(SYMPTOM), SYMPTOM_ALERT, null, WINDOW_START, WINDOW_END, 0, Set.of(), 5);
    }

    private static IngestInput resource(String path, Instant observedAt) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("demo resource missing: " + path);
            }
            return new IngestInput("demo" + path.substring(path.lastIndexOf('/')), in.readAllBytes(), observedAt);
        }
    }

    private static void printUrls(PrintStream out, String base, String token) {
        out.println("taproot demo: serving " + base + "  (Ctrl-C to stop); explorer page: " + base + "/");
        String auth = "";
        if (token != null) {
            out.println("taproot demo: admin token for this run: " + token);
            out.println("  export TAPROOT_TOKEN=" + token);
            auth = " -H \"Authorization: Bearer $TAPROOT_TOKEN\"";
        }
        out.println("  curl -s" + auth + " " + base + "/api/v1/health");
        out.println("  curl -s" + auth + " '" + base + "/api/v1/incidents/similar?q=payment+oom+crash+loop'");
        out.println("  curl -s" + auth + " -X POST " + base + "/api/v1/analyses -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"symptom\":{\"entities\":[\"" + SYMPTOM + "\"]},\"window\":{\"start\":\""
                + WINDOW_START + "\",\"end\":\"" + WINDOW_END + "\"}}'");
        out.println("  curl -s" + auth + " " + base + "/api/v1/vocabulary");
    }
}
