package dev.taproot.api.http;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import dev.taproot.api.config.HttpConfig;
import dev.taproot.api.config.TlsConfig;
import io.javalin.config.JavalinConfig;

/**
 * How requests reach the server: plain HTTP or HTTPS (Jetty's TLS with the configured keystore) on
 * the bind address, and, behind a reverse proxy, which {@code X-Forwarded-For} to believe for the
 * client address in the access log.
 */
final class HttpTransport {

    private HttpTransport() {
    }

    static void configure(JavalinConfig config, HttpConfig http) {
        config.jetty.host = http.host();
        config.jetty.port = http.port();
        if (http.tls() != null) {
            TlsConfig tls = http.tls();
            config.jetty.addConnector((server, httpConfiguration) -> {
                var ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
                ssl.setKeyStorePassword(tls.password());
                var secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false);
                httpConfiguration.addCustomizer(secure);
                var connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(httpConfiguration));
                connector.setHost(http.host());
                connector.setPort(http.port());
                return connector;
            });
        }
        if (http.behindProxy() && !http.trustedProxies().isEmpty()) {
            var proxies = new TrustedProxies(http.trustedProxies());
            config.contextResolver.ip = ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
        }
    }
}
