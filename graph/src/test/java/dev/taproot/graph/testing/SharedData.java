package dev.taproot.graph.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Access to {@code ../shared/data} for tests. A test that needs it <b>fails</b> where it is absent, so a
 * build without the data cannot pass the accuracy tests by skipping them; on a machine that has no copy,
 * {@code -Dtaproot.shared.data.optional=true} skips those tests instead, with a message.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The path of a file or folder under the shared data, skipping the calling test when absent. */
    public static Path require(String relative) {
        Path root = root();
        if (root == null) {
            absent("../shared/data is absent (set -Dtaproot.shared.data=DIR to point elsewhere)");
        }
        Path p = root.resolve(relative);
        if (!p.toFile().exists()) {
            absent("shared data file missing: " + p);
        }
        return p;
    }

    /** The directory of shared public data ({@code ../shared/data}), or null when absent. */
    public static Path root() {
        String configured = System.getProperty("taproot.shared.data");
        Path candidate = configured != null ? Path.of(configured) : Path.of("../shared/data");
        if (Files.isDirectory(candidate)) {
            return candidate.toAbsolutePath().normalize();
        }
        Path fromModule = Path.of("../../shared/data");
        return Files.isDirectory(fromModule) ? fromModule.toAbsolutePath().normalize() : null;
    }

    private static void absent(String why) {
        Assumptions.assumeFalse(Boolean.getBoolean("taproot.shared.data.optional"), "skipped: " + why);
        throw new AssertionError(why + "; tests that need the shared data fail without it "
                + "(-Dtaproot.shared.data.optional=true skips them on a machine without a copy)");
    }
}
