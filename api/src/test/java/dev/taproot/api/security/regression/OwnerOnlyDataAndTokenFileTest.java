package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.testing.TestStores;

/**
 * Findings (low): data directory files were world-readable (644) and the tokens file's mode was never
 * checked; open access silently overrode configured tokens. Now the data directory is owner-only
 * (700/600), a token file others may read is refused, and open access beside tokens refuses to start.
 */
class OwnerOnlyDataAndTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryAndItsFilesAreOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("index"));
        Path old = Files.writeString(data.resolve("index/old.bin"), "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var taproot = Taproot.over(TaprootConfig.from(data, 0, 0, Map.of()), TestStores.emptyEmbedded())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
        }
    }

    @Test
    void aTokenFileOthersMayReadIsRefused() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "admin:ops:admin-secret-0000000001\n");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-r--r--"));
        var refused = ConfigLoader.load(null, Map.of("TAPROOT_TOKENS_FILE", tokens.toString()), CommandLineOverrides.NONE);
        assertThat(refused.hasErrors()).isTrue();
        assertThat(refused.problems().toString()).contains("chmod 600");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConfigLoader.load(null, Map.of("TAPROOT_TOKENS_FILE", tokens.toString()), CommandLineOverrides.NONE)
                .orThrow().security().tokens().size()).isEqualTo(1);
    }

    @Test
    void openAccessBesideConfiguredTokensRefusesToStart() {
        var refused = ConfigLoader.load(null, Map.of("TAPROOT_OPEN_ACCESS", "true",
                "TAPROOT_TOKENS", "read:grafana:read-secret-000000001"), CommandLineOverrides.NONE);
        assertThat(refused.hasErrors()).isTrue();
        assertThat(refused.problems().toString()).contains("open access and API tokens are both configured");
        assertThatThrownBy(() -> new SecurityConfig(dev.taproot.api.security.TokenStore.of(java.util.List.of(
                dev.taproot.api.security.ApiToken.of("g", dev.taproot.api.security.Role.READ, "read-secret-000000001"))),
                true, 60, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
