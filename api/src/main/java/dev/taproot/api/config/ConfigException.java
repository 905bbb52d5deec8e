package dev.taproot.api.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration has mistakes; the message lists every one with its line and field. */
public final class ConfigException extends IllegalArgumentException {

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super("the configuration has " + count(problems) + ":\n" + problems.stream().map(ConfigProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String count(List<ConfigProblem> problems) {
        long errors = problems.stream().filter(p -> !p.warning()).count();
        return errors == 1 ? "1 mistake" : errors + " mistakes";
    }
}
