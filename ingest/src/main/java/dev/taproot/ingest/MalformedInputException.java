package dev.taproot.ingest;

/** The input as a whole cannot be read (not valid YAML or JSON, wrong top-level shape). Nothing is stored. */
public class MalformedInputException extends Exception {

    private final String source;
    private final String location;

    public MalformedInputException(String source, String location, String problem) {
        super(source + ": " + location + ": " + problem);
        this.source = source;
        this.location = location;
    }

    public MalformedInputException(String source, String location, String problem, Throwable cause) {
        super(source + ": " + location + ": " + problem, cause);
        this.source = source;
        this.location = location;
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }
}
