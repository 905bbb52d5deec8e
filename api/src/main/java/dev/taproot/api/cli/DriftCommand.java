package dev.taproot.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.taproot.api.Taproot;
import dev.taproot.api.drift.Compatibility;
import dev.taproot.api.drift.FleetDrift;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taproot drift}: version and configuration drift across namespaces, and known-bad version pairs running. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"List workloads whose version or pod template differs across namespaces, known-bad version pairs running together,",
                "and every version pair known to break: declared in the compatibility file or learned from confirmed incidents."})
public final class DriftCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--compat", paramLabel = "FILE",
            description = "A compatibility file (version pairs known to break) instead of the configured compatibility.file.")
    Path compat;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var config = options.config();
        if (compat != null) {
            Compatibility.load(compat); // a mistake names the file, line and field before the store is opened
            config = config.withCompatibilityFile(compat);
        }
        try (Taproot taproot = Taproot.start(config)) {
            FleetDrift.Report report = new FleetDrift(taproot.store()).report(taproot.versions().all());
            if (json) {
                System.out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                report.lines().forEach(System.out::println);
            }
            return report.knownBad().isEmpty() ? 0 : 1;
        }
    }
}
