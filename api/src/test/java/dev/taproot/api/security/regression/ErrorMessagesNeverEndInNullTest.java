package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.security.TokenStore;
import dev.taproot.graph.store.ErrorMessages;

/**
 * Finding (low): errors ended in "null" ("cannot reach Prometheus: null") where an exception without a
 * message was concatenated. Every such place now describes the failure by its first message along the
 * causes, or by its kind.
 */
class ErrorMessagesNeverEndInNullTest {

    @TempDir
    Path dir;

    @Test
    void failuresWithoutAMessageAreDescribedByTheirKind() {
        assertThat(ErrorMessages.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(ErrorMessages.describe(new java.io.IOException((String) null, new HttpTimeoutException("request timed out"))))
                .isEqualTo("request timed out");
        assertThat(ErrorMessages.describe(new EOFException())).isEqualTo("unexpected end of input");
        assertThat(ErrorMessages.describe(new IllegalStateException((String) null))).isEqualTo("illegal state");
        assertThat(ErrorMessages.describe(new RuntimeException("null"))).isEqualTo("runtime");
    }

    @Test
    void aMissingTokenFileSaysWhatIsWrong() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> TokenStore.readFile(missing)).hasMessageEndingWith("no such file: " + missing)
                .message().doesNotEndWith("null");
    }
}
