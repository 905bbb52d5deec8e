package dev.taproot.api.chatops;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mattermost's interactive buttons for Taproot's answers: <b>Confirm cause</b> and <b>Wrong cause</b>,
 * as Slack has. A button carries its action, the analysis and the cause in its {@code context}, signed
 * with an HMAC-SHA256 keyed by the Mattermost command token, so the actions endpoint
 * ({@link #PATH}) records only clicks on buttons Taproot made; Mattermost posts the context back when
 * the button is clicked.
 */
public final class MattermostActions {

    /** Where Mattermost posts button clicks (under {@code http.publicUrl}). */
    public static final String PATH = "/api/v1/chatops/mattermost/actions";

    private final String url;
    private final byte[] key;

    /**
     * @param publicUrl Taproot's public base URL (Mattermost must reach it)
     * @param secret    the Mattermost command token
     */
    public MattermostActions(String publicUrl, String secret) {
        this.url = publicUrl.replaceAll("/+$", "") + PATH;
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Buttons when both a public URL and the Mattermost token are configured, else null (answers then have none). */
    public static MattermostActions of(String publicUrl, String secret) {
        return publicUrl == null || publicUrl.isBlank() || secret == null || secret.isBlank() ? null
                : new MattermostActions(publicUrl, secret);
    }

    /** The URL buttons post to. */
    public String url() {
        return url;
    }

    /** One button of a message attachment ({@code actions[]} entry). */
    Map<String, Object> button(String label, String action, String analysisId, String subject, String style, int rank) {
        var context = new LinkedHashMap<String, Object>();
        context.put("action", action);
        context.put("analysis", analysisId);
        context.put("subject", subject);
        context.put("sig", sign(action, analysisId, subject));
        var b = new LinkedHashMap<String, Object>();
        // Mattermost wants alphanumeric action ids, unique within the post
        b.put("id", action.replace("_", "") + rank);
        b.put("name", label);
        b.put("type", "button");
        b.put("style", style);
        b.put("integration", Map.of("url", url, "context", context));
        return b;
    }

    /** Whether the context came from a button Taproot made. */
    boolean verify(String action, String analysisId, String subject, String signature) {
        if (action == null || analysisId == null || subject == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(action, analysisId, subject).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String action, String analysisId, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String text = "taproot-mattermost-action\n" + action + "\n" + analysisId + "\n" + subject;
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
