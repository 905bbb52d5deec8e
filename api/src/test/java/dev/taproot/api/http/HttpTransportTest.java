package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.HttpConfig;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.config.TlsConfig;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.graph.testing.TestStores;

class HttpTransportTest {

    private static final String PASSWORD = "keystore-password";

    @TempDir
    Path dir;

    @Test
    void withAKeystoreTheServerSpeaksHttpsOnly() throws Exception {
        Path keystore = selfSignedKeystore();
        var config = new TaprootConfig(dir, StoreConfig.embedded(dir, 0), "127.0.0.1", 0);
        var http = new HttpConfig("127.0.0.1", 0, null, new TlsConfig(keystore, PASSWORD), false, List.of());
        var options = new ServerOptions(http, SecurityConfig.openLoopback(), null, null, null);
        try (var server = TaprootServer.start(Taproot.over(config, TestStores.embedded()), options)) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.port() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void theClientIsTheRightMostHopThatIsNotATrustedProxy() {
        var proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.7"));
        assertThat(proxies.clientAddress("10.1.2.3", "203.0.113.9, 192.168.1.7")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.1.2.3", "198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.1.2.3", null)).isEqualTo("10.1.2.3");
        // a header from a peer that is not a proxy is the client's own claim, and ignored
        assertThat(proxies.clientAddress("203.0.113.50", "127.0.0.1")).isEqualTo("203.0.113.50");
        assertThat(proxies.trusted("11.0.0.1")).isFalse();
        assertThat(proxies.trusted("example.com")).isFalse();
    }

    private Path selfSignedKeystore() throws Exception {
        Path keystore = dir.resolve("taproot.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "taproot", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
