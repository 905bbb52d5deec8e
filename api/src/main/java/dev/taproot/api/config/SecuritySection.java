package dev.taproot.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.RateLimiter;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;

/** Reads the {@code security} section: API tokens (inline or a file), open access, rate limits. */
final class SecuritySection {

    private SecuritySection() {
    }

    static SecurityConfig read(ConfigSection security, HttpConfig http, ConfigSection root) {
        security.allow("tokens", "tokensFile", "openAccess", "rateLimit");
        var tokens = new ArrayList<ApiToken>();
        Path file = security.path("tokensFile", "TAPROOT_TOKENS_FILE", null);
        if (file != null) {
            tokens.addAll(readTokenFile(security, file));
        }
        List<ApiToken> fromEnv = security.environment("TAPROOT_TOKENS", TokenStore::parseList);
        if (fromEnv != null) {
            tokens.addAll(fromEnv);
        } else {
            for (ConfigSection t : security.sections("tokens")) {
                ApiToken token = readToken(t);
                if (token != null) {
                    tokens.add(token);
                }
            }
        }
        boolean open = security.value("openAccess", "TAPROOT_OPEN_ACCESS", ConfigValues.bool(), false);
        ConfigSection rate = security.section("rateLimit");
        rate.allow("perMinute", "burst", "publicPerAddress", "failedAuthPerAddress");
        int perMinute = rate.value("perMinute", "TAPROOT_RATE_LIMIT", ConfigValues.integer(1, 1_000_000), RateLimiter.DEFAULT_PER_MINUTE);
        int burst = rate.value("burst", "TAPROOT_RATE_BURST", ConfigValues.integer(1, 1_000_000), RateLimiter.DEFAULT_BURST);
        int publicPerAddress = rate.value("publicPerAddress", "TAPROOT_PUBLIC_RATE_LIMIT", ConfigValues.integer(1, 1_000_000),
                SecurityConfig.DEFAULT_PUBLIC_PER_MINUTE);
        int failedAuth = rate.value("failedAuthPerAddress", "TAPROOT_AUTH_FAILURE_LIMIT", ConfigValues.integer(1, 1_000_000),
                dev.taproot.api.security.AuthFailures.DEFAULT_PER_MINUTE);
        if (open && !tokens.isEmpty()) {
            security.error("openAccess", "open access and API tokens are both configured; open access would ignore the tokens:"
                    + " unset one of them");
            open = false;
        }
        if (open && http != null && !HttpConfig.isLoopback(http.host())) {
            security.error("openAccess", "open access is allowed on a loopback address only, not on '" + http.host()
                    + "'; configure tokens to listen there");
        }
        return new SecurityConfig(TokenStore.of(tokens), open, perMinute, burst, publicPerAddress, failedAuth);
    }

    private static List<ApiToken> readTokenFile(ConfigSection security, Path file) {
        int line = security.line("tokensFile");
        String field = security.field("tokensFile");
        if (!Files.isRegularFile(file)) {
            security.error("tokensFile", "no such file: " + file);
            return List.of();
        }
        security.warnIfOthersCanRead(file, line, field);
        try {
            return TokenStore.readFile(file);
        } catch (IllegalArgumentException e) {
            security.error("tokensFile", e.getMessage());
            return List.of();
        }
    }

    /** One inline token: {@code {name, role, secret | secretFile}}; the secret is never echoed. */
    private static ApiToken readToken(ConfigSection t) {
        t.allow("name", "role", "secret", "secretFile");
        String name = t.value("name", null, ConfigValues.text(), null);
        Role role = t.value("role", null, Role::parse, null);
        String secret = t.secret("secret", "secretFile", null);
        if (name == null) {
            t.error("name", "required: who holds the token (shown in the access log)");
        }
        if (!t.has("role")) {
            t.error("role", "required: read, ingest or admin");
        }
        if (secret == null && !t.has("secretFile")) {
            t.error("secret", "required: secret or secretFile");
        }
        if (name == null || role == null || secret == null) {
            return null;
        }
        try {
            return ApiToken.of(name, role, secret);
        } catch (IllegalArgumentException e) {
            t.error(t.has("secret") ? "secret" : "secretFile", e.getMessage());
            return null;
        }
    }
}
