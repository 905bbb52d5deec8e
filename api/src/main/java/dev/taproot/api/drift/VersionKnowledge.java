package dev.taproot.api.drift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * Everything Taproot knows about versions that break together: the pairs declared in the configured
 * compatibility file (read again when the file changes; a broken edit keeps the last good pairs and is
 * logged) and the pairs learned from confirmed change-caused incidents, kept in the graph.
 */
public final class VersionKnowledge {

    private static final Logger LOG = LoggerFactory.getLogger(VersionKnowledge.class);

    private final Path file;
    private final LearnedPairs learned;
    private final PairLearner learner;
    private volatile Compatibility declared;
    private volatile FileTime readAt;

    /**
     * Reads {@code file} now (null: nothing declared); a mistake in it throws {@link IllegalArgumentException}
     * naming the file, line and field.
     */
    public VersionKnowledge(Path file, GraphStore store, Vocabulary vocabulary) {
        this.file = file;
        this.learned = new LearnedPairs(store);
        this.learner = new PairLearner(store, learned, vocabulary);
        this.declared = file == null ? Compatibility.none() : Compatibility.load(file);
        this.readAt = modified();
    }

    /** The declared pairs, re-read when the file changed since. */
    public Compatibility declared() {
        if (file == null) {
            return declared;
        }
        FileTime now = modified();
        if (now != null && !now.equals(readAt)) {
            synchronized (this) {
                if (!now.equals(readAt)) {
                    try {
                        declared = Compatibility.load(file);
                    } catch (IllegalArgumentException e) {
                        LOG.warn("compatibility file not reloaded, the previous pairs stay in force: {}", e.getMessage());
                    }
                    readAt = now;
                }
            }
        }
        return declared;
    }

    /** The declared pairs, then the learned ones. */
    public Compatibility all() {
        return declared().and(learned.all());
    }

    /**
     * Learns from a confirmed cause: when it was a change with a version, the version pairs it made with its
     * dependencies at the time become learned pairs (see {@link PairLearner}). Returns the pairs learned; a
     * failure is logged, never thrown, so feedback is recorded whatever happens here.
     */
    public java.util.List<Compatibility.Pair> learnFrom(Feedback feedback) {
        try {
            PairLearner.Outcome outcome = learner.learn(feedback);
            if (outcome.learned().isEmpty()) {
                LOG.debug("nothing learned from feedback {}: {}", feedback.id(), outcome.reason());
            } else {
                outcome.learned().forEach(p -> LOG.info("learned a known-bad pair: {}", p.sentence()));
            }
            return outcome.learned();
        } catch (RuntimeException e) {
            LOG.warn("learning from feedback {} failed: {}", feedback.id(), e.toString());
            return java.util.List.of();
        }
    }

    /** The learned pairs, in the graph. */
    public LearnedPairs learned() {
        return learned;
    }

    /** The compatibility file, or null. */
    public Path file() {
        return file;
    }

    private FileTime modified() {
        if (file == null) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
