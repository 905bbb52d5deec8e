package dev.taproot.api.chatops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.taproot.api.http.Json;

/** Feedback appended as JSON lines to a file under the data directory; durable before it answers. */
public final class JsonlFeedbackLog implements FeedbackSink {

    private final Path file;

    public JsonlFeedbackLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(ChatFeedback feedback) {
        try {
            Files.createDirectories(file.getParent());
            String line = Json.mapper().writeValueAsString(feedback) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append feedback to " + file.getFileName(), e);
        }
    }

    /** Everything recorded so far. */
    public synchronized List<ChatFeedback> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            var out = new ArrayList<ChatFeedback>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(Json.mapper().readValue(line, ChatFeedback.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
