package dev.taproot.ingest.incidents;

/** A record's field is missing, of the wrong type or has an invalid value. */
final class FieldException extends RuntimeException {

    private final String field;

    FieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
