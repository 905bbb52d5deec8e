package dev.taproot.api.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens Taproot accepts. Tokens come from a file ({@code TAPROOT_TOKENS_FILE}: one
 * {@code role:name:secret} per line, {@code #} comments) and from the environment
 * ({@code TAPROOT_TOKENS}: the same triples separated by commas). Lookup hashes the presented secret
 * and compares digests, so timing does not reveal how much of a secret matched.
 */
public final class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, ApiToken> bySecretHash;

    private TokenStore(List<ApiToken> tokens) {
        var map = new HashMap<String, ApiToken>();
        for (ApiToken t : tokens) {
            map.put(t.secretSha256(), t);
        }
        this.bySecretHash = Map.copyOf(map);
    }

    public static TokenStore of(List<ApiToken> tokens) {
        return new TokenStore(tokens);
    }

    public static TokenStore empty() {
        return new TokenStore(List.of());
    }

    /** This store plus one more token. */
    public TokenStore with(ApiToken token) {
        var all = new ArrayList<>(bySecretHash.values());
        all.add(token);
        return new TokenStore(all);
    }

    /**
     * Reads a token file; a bad line is reported with its number, and its secret is never echoed. A file
     * that group or others may read or write is refused.
     */
    public static List<ApiToken> readFile(Path file) {
        List<String> lines;
        try {
            // the file holds secrets (admin ones too): refuse to start rather than run with them exposed
            if (dev.taproot.graph.store.OwnerOnlyFiles.sharedWithOthers(file)) {
                throw new IllegalArgumentException("the token file " + file + " may be read or written by group or others"
                        + " (mode " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                        + "); make it owner-only: chmod 600 " + file);
            }
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token file " + file + ": "
                    + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        var tokens = new ArrayList<ApiToken>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                tokens.add(parseTriple(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("token file " + file.getFileName() + " line " + (i + 1) + ": " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        return tokens;
    }

    /** Parses {@code TAPROOT_TOKENS}: {@code role:name:secret[,role:name:secret...]}. */
    public static List<ApiToken> parseList(String text) {
        var tokens = new ArrayList<ApiToken>();
        String[] items = text.split(",");
        for (int i = 0; i < items.length; i++) {
            if (items[i].isBlank()) {
                continue;
            }
            try {
                tokens.add(parseTriple(items[i].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TAPROOT_TOKENS item " + (i + 1) + ": " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        return tokens;
    }

    private static ApiToken parseTriple(String item) {
        String[] parts = item.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected role:name:secret");
        }
        return ApiToken.of(parts[1].strip(), Role.parse(parts[0]), parts[2].strip());
    }

    /** The token whose secret this is, if any. */
    public Optional<ApiToken> find(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        ApiToken candidate = bySecretHash.get(ApiToken.sha256(presented));
        return candidate != null && candidate.matches(presented) ? Optional.of(candidate) : Optional.empty();
    }

    public boolean isEmpty() {
        return bySecretHash.isEmpty();
    }

    public int size() {
        return bySecretHash.size();
    }

    /** A fresh random token secret: 32 bytes, URL-safe base64 with a {@code tp_} prefix. */
    public static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "tp_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
