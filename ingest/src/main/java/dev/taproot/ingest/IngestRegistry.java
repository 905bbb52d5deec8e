package dev.taproot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ingestors Taproot knows, in order of precedence: the first that accepts an input reads it.
 * Built explicitly by the application (no static registry); tests build their own.
 */
public final class IngestRegistry {

    private final List<Ingestor> ingestors;

    public IngestRegistry(List<Ingestor> ingestors) {
        this.ingestors = List.copyOf(ingestors);
    }

    /** The ingestor that reads this input, if any. */
    public Optional<Ingestor> detect(IngestInput input) {
        return ingestors.stream().filter(i -> i.accepts(input)).findFirst();
    }

    /** The ingestor for a named format. */
    public Optional<Ingestor> byFormat(String format) {
        return ingestors.stream().filter(i -> i.format().equals(format)).findFirst();
    }

    public List<String> formats() {
        var names = new ArrayList<String>();
        ingestors.forEach(i -> names.add(i.format()));
        return names;
    }

    public List<Ingestor> ingestors() {
        return ingestors;
    }
}
