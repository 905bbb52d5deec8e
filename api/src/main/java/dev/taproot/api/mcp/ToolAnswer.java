package dev.taproot.api.mcp;

import java.util.Map;

/**
 * What a tool answers: a JSON object for programs (the tool's structured result) and the same
 * answer in words for a reader.
 *
 * @param structured the structured result (a JSON object)
 * @param text       the answer as text
 */
public record ToolAnswer(Map<String, Object> structured, String text) {
}
