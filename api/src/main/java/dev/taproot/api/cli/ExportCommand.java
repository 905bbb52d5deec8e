package dev.taproot.api.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import dev.taproot.graph.rdf.RdfExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taproot export}: the graph, or one entity's neighbourhood, as RDF in the Taproot vocabulary. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the graph (or an entity's neighbourhood) as Turtle, JSON-LD or N-Triples.")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--format", defaultValue = "turtle", description = "turtle, jsonld or ntriples (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--key", paramLabel = "KEY", description = "Export only this entity's neighbourhood.")
    String key;

    @Option(names = "--depth", defaultValue = "1", description = "Neighbourhood depth with --key, 0..6 (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        var lang = RdfExport.lang(format);
        if (depth < 0 || depth > 6) {
            throw new IllegalArgumentException("--depth must be between 0 and 6, was " + depth);
        }
        try (Taproot taproot = Taproot.start(options.config())) {
            var model = RdfExport.export(taproot.store(), key, depth);
            String text = RdfExport.write(model, lang);
            if (output == null) {
                System.out.print(text);
            } else {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            }
            System.err.printf("export: %d triples%s%n", model.size(), output == null ? "" : " to " + output);
        }
        return 0;
    }
}
