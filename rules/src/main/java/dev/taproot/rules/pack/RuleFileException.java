package dev.taproot.rules.pack;

/** A rule file that cannot be loaded, with the file, line and field at fault. */
public final class RuleFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public RuleFileException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
