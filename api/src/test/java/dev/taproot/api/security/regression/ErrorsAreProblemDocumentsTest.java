package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Finding (low): some errors were HTML (Jetty's own pages) or carried the wrong status. Every error,
 * including 404, 405 and those Jetty answers before Javalin sees the request, is now problem+json.
 */
class ErrorsAreProblemDocumentsTest extends SecuredServerTest {

    String raw(String requestHead) throws Exception {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void notFoundAndMethodNotAllowedAreProblems() throws Exception {
        String notFound = raw("GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SecuredServer.READ
                + "\r\nConnection: close\r\n\r\n");
        assertThat(notFound).startsWith("HTTP/1.1 404").contains("application/problem+json").doesNotContain("<html");
        String notAllowed = raw("DELETE /api/v1/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SecuredServer.ADMIN
                + "\r\nConnection: close\r\n\r\n");
        assertThat(notAllowed).containsPattern("HTTP/1.1 40[45]").contains("application/problem+json").doesNotContain("<html");
    }

    @Test
    void jettysOwnErrorsAreProblems() throws Exception {
        String badUri = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(badUri).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain("<html");
        String hugeHeader = raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").contains("application/problem+json").doesNotContain("<html");
    }
}
