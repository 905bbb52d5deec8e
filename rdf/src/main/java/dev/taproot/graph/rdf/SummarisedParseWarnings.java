package dev.taproot.graph.rdf;

import java.util.function.Consumer;

import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.SysRIOT;
import org.apache.jena.riot.system.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.store.RepeatedReasons;

/**
 * Jena's parse warnings for one document, without a log line per triple: Jena's standard handler
 * writes one warning per bad IRI, so a 33 MB N-Triples body wrote millions of lines. Here the first
 * few of each kind are logged, the rest counted, and {@link #finish} logs one summary line per kind.
 * Errors and fatal errors stop the parse as with Jena's standard handler.
 */
final class SummarisedParseWarnings implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SummarisedParseWarnings.class);
    /** Warnings of each kind logged in full before the rest are only counted. */
    static final int SHOWN_PER_KIND = 5;

    private final String document;
    private final Consumer<String> log;
    private final RepeatedReasons repeats = new RepeatedReasons(SHOWN_PER_KIND);

    SummarisedParseWarnings(String document) {
        this(document, LOG::warn);
    }

    SummarisedParseWarnings(String document, Consumer<String> log) {
        this.document = document;
        this.log = log;
    }

    @Override
    public void warning(String message, long line, long col) {
        if (repeats.admit(message)) {
            log.accept(document + ": " + SysRIOT.fmtMessage(message, line, col));
        }
    }

    @Override
    public void error(String message, long line, long col) {
        throw new RiotException(SysRIOT.fmtMessage(message, line, col));
    }

    @Override
    public void fatal(String message, long line, long col) {
        throw new RiotParseException(message, line, col);
    }

    /** Logs what was only counted: one line per kind of warning. */
    void finish() {
        repeats.summary("warnings").forEach(s -> log.accept(document + ": " + s));
    }
}
