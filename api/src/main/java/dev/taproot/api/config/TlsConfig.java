package dev.taproot.api.config;

import java.nio.file.Path;

/**
 * HTTPS served by Taproot itself.
 *
 * @param keystore the PKCS#12 (or JKS) keystore holding the server's certificate and key
 * @param password the keystore password (never printed)
 */
public record TlsConfig(Path keystore, String password) {

    @Override
    public String toString() {
        return "TlsConfig[keystore=" + keystore + ", password=***]";
    }
}
