package dev.taproot.graph.store;

import java.util.Map;

/** Reads settings from the environment, naming the variable when a value is wrong. */
public final class Settings {

    private Settings() {
    }

    /** The whole number in {@code env[name]}, or {@code otherwise} when it is unset or blank. */
    public static int integer(Map<String, String> env, String name, int otherwise) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + text);
        }
    }
}
