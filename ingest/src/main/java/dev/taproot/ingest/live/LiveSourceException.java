package dev.taproot.ingest.live;

/**
 * A configured source could not answer: unreachable, late, too large, refused (401, 5xx) or not in its
 * API's format. The message names the source, the URL asked (without credentials) and the HTTP status;
 * of the remote body at most a short, single-line excerpt is repeated.
 */
public class LiveSourceException extends Exception {

    private final boolean wholeSource;

    /** A failure of one request (an unknown service, an unreadable answer): other requests may still work. */
    public LiveSourceException(String message) {
        this(message, false, null);
    }

    public LiveSourceException(String message, Throwable cause) {
        this(message, false, cause);
    }

    /**
     * @param wholeSource whether every other request to the source would fail the same way (unreachable,
     *                    credentials refused, deadline passed, answer over the size cap)
     */
    public LiveSourceException(String message, boolean wholeSource, Throwable cause) {
        super(message, cause);
        this.wholeSource = wholeSource;
    }

    /** Whether the whole fetch should stop: the source is unreachable, refuses the login, is late or answers too much. */
    public boolean wholeSource() {
        return wholeSource;
    }
}
