package dev.taproot.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path dir;

    @Test
    void tokensComeFromAFileAndTheEnvironment() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# ops tokens\nread:grafana:grafana-secret-0123456789\n\ningest:alertmanager:am-secret-0123456789abc\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        var config = ConfigLoader.load(null, Map.of("TAPROOT_TOKENS_FILE", file.toString(),
                "TAPROOT_TOKENS", "admin:ops:ops-secret-0123456789abcdef"), CommandLineOverrides.NONE).orThrow().security();
        assertThat(config.tokens().size()).isEqualTo(3);
        assertThat(config.tokens().find("grafana-secret-0123456789")).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(Role.READ));
        assertThat(config.tokens().find("ops-secret-0123456789abcdef")).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(Role.ADMIN));
        assertThat(config.tokens().find("grafana-secret-012345678")).isEmpty();
        assertThat(config.openAccess()).isFalse();
    }

    @Test
    void aBadLineIsReportedWithItsNumberAndWithoutTheSecret() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "read:a:aaaaaaaaaaaaaaaaaaaa\nsuperuser:b:bbbbbbbbbbbbbbbbbbbbbbb\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> TokenStore.readFile(file)).hasMessageContaining("line 2").hasMessageContaining("superuser")
                .hasMessageNotContaining("bbbbbbbbbbbbbbbb");
        assertThatThrownBy(() -> TokenStore.parseList("read:short:abc")).hasMessageContaining("shorter than");
    }

    @Test
    void rolesAreOrdered() {
        assertThat(Role.ADMIN.covers(Role.INGEST)).isTrue();
        assertThat(Role.INGEST.covers(Role.READ)).isTrue();
        assertThat(Role.READ.covers(Role.INGEST)).isFalse();
    }

    @Test
    void anIssuedTokenIsAcceptedAndRandom() {
        var a = SecurityConfig.none().issue("demo", Role.ADMIN);
        var b = SecurityConfig.none().issue("demo", Role.ADMIN);
        assertThat(a.secret()).isNotEqualTo(b.secret()).startsWith("tp_");
        assertThat(a.config().tokens().find(a.secret())).isPresent();
        assertThat(a.config().acceptsNothing()).isFalse();
    }

    @Test
    void rateLimiterRefillsOverTime() {
        var limiter = new RateLimiter(60, 2);
        long t = 0;
        assertThat(limiter.tryAcquire("x", t)).isTrue();
        assertThat(limiter.tryAcquire("x", t)).isTrue();
        assertThat(limiter.tryAcquire("x", t)).isFalse();
        assertThat(limiter.tryAcquire("y", t)).isTrue();
        assertThat(limiter.tryAcquire("x", t + 1_000_000_000L)).isTrue();
    }
}
