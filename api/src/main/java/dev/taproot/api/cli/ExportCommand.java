package dev.taproot.api.cli;

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
            // streamed from the store as it is read, so a large graph does not need a large heap
            java.io.OutputStream target = output == null ? System.out : Files.newOutputStream(output);
            try {
                var buffered = new java.io.BufferedOutputStream(target, 1 << 16);
                RdfExport.stream(taproot.store(), key, depth, lang, buffered);
                buffered.flush();
            } finally {
                if (output != null) {
                    target.close();
                }
            }
            System.err.printf("export: done%s%n", output == null ? "" : " to " + output);
        }
        return 0;
    }
}
