package dev.taproot.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a failure, independent of names: which kinds of signal caused which
 * ({@code oomkilled>higherrorrate}) and which kinds of signal sat on which kinds of entity
 * ({@code database:replicationlag}). Two failures with the same shape on different services still
 * match. The analysis builds one from its causal graph for {@link SimilarQuery#fingerprint()}; an
 * incident carries its own as the {@code fingerprint} property (a list of these tokens).
 */
public final class FailureFingerprint {

    private final LinkedHashSet<String> tokens = new LinkedHashSet<>();

    /** A causal link between two signal types. */
    public FailureFingerprint cause(String causeSignalType, String effectSignalType) {
        tokens.add(norm(causeSignalType) + ">" + norm(effectSignalType));
        return this;
    }

    /** A signal type seen on an entity type. */
    public FailureFingerprint signal(String entityType, String signalType) {
        tokens.add(norm(entityType) + ":" + norm(signalType));
        return this;
    }

    /** The fault type of the (candidate) root cause. */
    public FailureFingerprint fault(String faultType) {
        tokens.add("fault:" + norm(faultType));
        return this;
    }

    public List<String> tokens() {
        return new ArrayList<>(tokens);
    }

    /** Letters and digits, lower case: {@code CrashLoopBackOff} and {@code crash_loop_back_off} are one type. */
    static String norm(String s) {
        var sb = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
