package dev.taproot.api.chatops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses an {@code application/x-www-form-urlencoded} body from the raw bytes (which were signed). */
final class FormBody {

    private FormBody() {
    }

    static Map<String, String> parse(byte[] body) {
        var fields = new LinkedHashMap<String, String>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            fields.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
