package dev.taproot.api.security.regression;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A regression test against a fresh {@link SecuredServer} for each test method. */
abstract class SecuredServerTest {

    @TempDir
    Path dir;
    SecuredServer server;

    @BeforeEach
    void startServer() {
        server = new SecuredServer(dir);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
