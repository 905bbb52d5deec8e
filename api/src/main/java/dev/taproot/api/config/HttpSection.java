package dev.taproot.api.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;


/** Reads the {@code http} section: bind address, port, public URL, TLS or a reverse proxy in front. */
final class HttpSection {

    private HttpSection() {
    }

    static HttpConfig read(ConfigSection http, CommandLineOverrides cli) {
        http.allow("host", "port", "publicUrl", "tls", "behindProxy", "trustedProxies");
        String host = http.value("host", "TAPROOT_HTTP_HOST", ConfigValues.text(), HttpConfig.DEFAULT_HOST);
        int port = cli.httpPort() != null ? cli.httpPort()
                : http.value("port", "TAPROOT_HTTP_PORT", ConfigValues.integer(0, 65535), HttpConfig.DEFAULT_PORT);
        var publicUrl = http.value("publicUrl", "TAPROOT_PUBLIC_URL", ConfigValues.httpUrl(), null);
        TlsConfig tls = http.has("tls") ? readTls(http.section("tls")) : null;
        boolean behindProxy = http.value("behindProxy", null, ConfigValues.bool(), false);
        List<String> proxies = http.strings("trustedProxies", null);
        if (!proxies.isEmpty() && !behindProxy) {
            http.error("trustedProxies", "only meaningful with behindProxy: true");
        }
        for (String proxy : proxies) {
            if (!isAddressOrRange(proxy)) {
                http.error("trustedProxies", "'" + proxy + "' is not an IP address or CIDR range (10.0.0.0/8)");
            }
        }
        if (tls == null && !behindProxy && !HttpConfig.isLoopback(host)) {
            http.warning("host", "serving plain HTTP on " + host + ": tokens cross the network in clear text;"
                    + " configure http.tls, or http.behindProxy when a proxy terminates TLS");
        }
        try {
            return new HttpConfig(host, port, publicUrl == null ? null : publicUrl.toString(), tls, behindProxy, proxies);
        } catch (IllegalArgumentException e) {
            http.error("", e.getMessage());
            return null;
        }
    }

    private static TlsConfig readTls(ConfigSection tls) {
        tls.allow("keystore", "password", "passwordFile");
        Path keystore = tls.path("keystore", null, null);
        if (keystore == null) {
            tls.error("keystore", "required: the PKCS#12 keystore holding the certificate and key");
        } else if (!Files.isRegularFile(keystore)) {
            tls.error("keystore", "no such file: " + keystore);
        } else {
            tls.warnIfOthersCanRead(keystore, tls.line("keystore"), tls.field("keystore"));
        }
        String password = tls.secret("password", "passwordFile", null);
        if (password == null && !tls.has("passwordFile")) {
            tls.error("password", "required: the keystore password (password or passwordFile)");
        }
        if (keystore != null && password != null && Files.isRegularFile(keystore)) {
            try {
                KeyStore.getInstance(keystore.toFile(), password.toCharArray());
            } catch (IOException | GeneralSecurityException e) {
                tls.error("keystore", "cannot open " + keystore + " with the configured password"
                        + " (a PKCS#12 or JKS keystore is expected): " + e.getMessage());
            }
        }
        return new TlsConfig(keystore, password);
    }

    /** An IPv4/IPv6 literal, optionally with a prefix length. */
    static boolean isAddressOrRange(String text) {
        String[] parts = text.strip().split("/", 2);
        if (!parts[0].matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(parts[0]);
            int max = address.getAddress().length * 8;
            return parts.length == 1 || Integer.parseInt(parts[1]) >= 0 && Integer.parseInt(parts[1]) <= max;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
