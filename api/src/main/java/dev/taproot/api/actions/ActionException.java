package dev.taproot.api.actions;

/**
 * An action that cannot be proposed or run as asked: the object is missing, the namespace is not
 * allowed, there is no earlier revision, the proposal expired or was already decided. The message
 * names the problem; over HTTP it is a 4xx ({@link #status}).
 */
public final class ActionException extends RuntimeException {

    private final int status;

    public ActionException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 404 (nothing by that name), 403 (namespace not allowed), 409 (state or revision conflict), 503 (cluster). */
    public int status() {
        return status;
    }
}
