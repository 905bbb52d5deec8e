package dev.taproot.graph.store;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * A description of a failure for a message a person reads. Many exceptions carry no message
 * ({@code ConnectException} from the HTTP client, {@code EOFException}, {@code NullPointerException});
 * concatenating {@code getMessage()} then yields "cannot reach Prometheus: null". This finds the first
 * message along the cause chain, else names the failure by its kind.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** Never null, never "null": the first message along the causes, or what kind of failure it was. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.strip().equals("null")) {
                return kindPrefix(t, m.strip());
            }
        }
        return kind(failure);
    }

    private static String kindPrefix(Throwable t, String message) {
        // a bare path or host name says little on its own
        if (t instanceof NoSuchFileException || t instanceof UnknownHostException || t instanceof AccessDeniedException) {
            return kind(t) + ": " + message;
        }
        return message;
    }

    private static String kind(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return switch (root) {
            case HttpTimeoutException e -> "timed out";
            case SocketTimeoutException e -> "timed out";
            case ConnectException e -> "connection refused";
            case UnknownHostException e -> "unknown host";
            case NoSuchFileException e -> "no such file";
            case AccessDeniedException e -> "permission denied";
            case FileNotFoundException e -> "file not found";
            case EOFException e -> "unexpected end of input";
            case java.nio.channels.ClosedChannelException e -> "connection closed";
            case InterruptedException e -> "interrupted";
            default -> words(root.getClass().getSimpleName());
        };
    }

    /** {@code IllegalStateException} becomes "illegal state". */
    private static String words(String simpleName) {
        String name = simpleName.replaceAll("(Exception|Error)$", "");
        if (name.isEmpty()) {
            return simpleName.toLowerCase(Locale.ROOT);
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
