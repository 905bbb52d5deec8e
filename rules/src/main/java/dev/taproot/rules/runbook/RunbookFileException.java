package dev.taproot.rules.runbook;

/** A runbook file that cannot be used: names the file, the line (0 when unknown), the field and the problem. */
public final class RunbookFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public RunbookFileException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + problem);
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
