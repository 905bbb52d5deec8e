package dev.taproot.graph.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Access to {@code ../shared/data} for tests; a test that needs it is skipped, with a message, where it is absent. */
public final class SharedData {

    private SharedData() {
    }

    /** The path of a file or folder under the shared data, skipping the calling test when absent. */
    public static Path require(String relative) {
        Path root = TestStores.sharedData();
        Assumptions.assumeTrue(root != null,
                "skipped: ../shared/data is absent (CI always has it; set -Dtaproot.shared.data=DIR to point elsewhere)");
        Path p = root.resolve(relative);
        Assumptions.assumeTrue(p.toFile().exists(), "skipped: shared data file missing: " + p);
        return p;
    }
}
