package dev.taproot.api.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every mistake of one load, so all of them are reported at once instead of the first. */
final class ConfigProblems {

    /** Where environment overrides are reported from. */
    static final String ENVIRONMENT = "environment";

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    void error(int line, String field, String message) {
        problems.add(new ConfigProblem(file, line, field, message, false));
    }

    void warning(int line, String field, String message) {
        problems.add(new ConfigProblem(file, line, field, message, true));
    }

    /** A mistake in an environment variable ({@code field} is the variable's name). */
    void environmentError(String variable, String message) {
        problems.add(new ConfigProblem(ENVIRONMENT, 0, variable, message, false));
    }

    void environmentWarning(String variable, String message) {
        problems.add(new ConfigProblem(ENVIRONMENT, 0, variable, message, true));
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(p -> !p.warning());
    }

    /** Every problem, the file's in line order first, then the environment's. */
    List<ConfigProblem> all() {
        return problems.stream()
                .sorted(Comparator.comparing((ConfigProblem p) -> p.line() == 0).thenComparingInt(ConfigProblem::line))
                .toList();
    }
}
