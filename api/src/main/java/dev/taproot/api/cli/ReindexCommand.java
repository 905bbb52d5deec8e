package dev.taproot.api.cli;

import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taproot reindex}: rebuilds the incident search index from the graph (the system of record). */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the incident search index from the graph.")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Override
    public Integer call() {
        try (Taproot taproot = Taproot.start(options.config())) {
            long t0 = System.nanoTime();
            long n = taproot.memory().reindex(done -> {
                if (done % 100_000 == 0) {
                    System.err.println("reindex: " + done + " incidents");
                }
            });
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "reindex: %d incidents in %.1f s%n", n, s);
            return 0;
        }
    }
}
