package dev.taproot.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoreConfigTest {

    static final Path DATA = Path.of("/var/lib/taproot");

    @Test
    void withoutAUriTheStoreIsEmbeddedWithTheDefaultsOrWhatTheEnvironmentSays() {
        var defaults = StoreConfig.fromEnvironment(Map.of(), DATA);
        assertThat(defaults.isEmbedded()).isTrue();
        assertThat(defaults.dataDir()).isEqualTo(DATA.resolve("graph"));
        assertThat(defaults.boltPort()).isEqualTo(StoreConfig.DEFAULT_BOLT_PORT);
        assertThat(defaults.pageCacheMb()).isEqualTo(StoreConfig.DEFAULT_PAGE_CACHE_MB);

        var tuned = StoreConfig.fromEnvironment(Map.of("TAPROOT_BOLT_PORT", "7999", "TAPROOT_PAGE_CACHE_MB", " 1024 "), DATA);
        assertThat(tuned.boltPort()).isEqualTo(7999);
        assertThat(tuned.pageCacheMb()).isEqualTo(1024);
    }

    @Test
    void aUriMeansAnExternalServer() {
        var external = StoreConfig.fromEnvironment(Map.of("TAPROOT_NEO4J_URI", "neo4j://db:7687",
                "TAPROOT_NEO4J_PASSWORD", "s3cret"), DATA);
        assertThat(external.isEmbedded()).isFalse();
        assertThat(external.user()).isEqualTo("neo4j");
        assertThat(external.password()).isEqualTo("s3cret");
    }

    @Test
    void badNumbersAreRefusedByName() {
        assertThatThrownBy(() -> StoreConfig.fromEnvironment(Map.of("TAPROOT_PAGE_CACHE_MB", "lots"), DATA))
                .hasMessageContaining("TAPROOT_PAGE_CACHE_MB").hasMessageContaining("lots");
        assertThatThrownBy(() -> StoreConfig.fromEnvironment(Map.of("TAPROOT_PAGE_CACHE_MB", "2"), DATA))
                .hasMessageContaining("TAPROOT_PAGE_CACHE_MB must be at least 8");
        assertThatThrownBy(() -> StoreConfig.fromEnvironment(Map.of("TAPROOT_BOLT_PORT", "http"), DATA))
                .hasMessageContaining("TAPROOT_BOLT_PORT");
        assertThatThrownBy(() -> StoreConfig.fromEnvironment(Map.of("TAPROOT_BOLT_PORT", "70000"), DATA))
                .hasMessageContaining("bolt port out of range");
    }
}
