package dev.taproot.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * Reads {@code sources.prometheus}: the Prometheus-compatible servers Taproot may pull from, each
 * with its URL, credentials, deadline, size cap, and queries (shipped query sets plus its own).
 */
final class PrometheusSection {

    /** What {@link PrometheusSource} accepts as a name, checked here to report it with its line. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private PrometheusSection() {
    }

    static List<PrometheusSource> read(ConfigSection sources) {
        var out = new ArrayList<PrometheusSource>();
        var names = new HashSet<String>();
        for (ConfigSection s : sources.sections("prometheus")) {
            s.allow("name", "url", "auth", "deadline", "maxBytes", "querySets", "queries");
            String name = s.value("name", null, ConfigValues.text(), null);
            if (name == null) {
                s.error("name", "required: how analyses and the API refer to this source");
            } else if (!NAME.matcher(name).matches()) {
                s.error("name", "must be lower-case letters, digits, '-' or '_' (at most 63), was '" + name + "'");
            } else if (!names.add(name)) {
                s.error("name", "another source is already named '" + name + "'");
            }
            URI url = s.value("url", null, ConfigValues.httpUrl(), null);
            if (!s.has("url")) {
                s.error("url", "required: the server's base URL, such as http://prometheus.monitoring:9090");
            }
            PrometheusSource.Auth auth = readAuth(s);
            Duration deadline = s.value("deadline", null, ConfigValues.duration(Duration.ofMinutes(5)), PrometheusSource.DEFAULT_DEADLINE);
            long maxBytes = s.value("maxBytes", null, ConfigValues.bytes(), PrometheusSource.DEFAULT_MAX_BYTES);
            var queries = new LinkedHashMap<String, String>();
            for (String set : s.strings("querySets", null)) {
                var known = PrometheusQuerySets.builtIn().get(set);
                if (known == null) {
                    s.error("querySets", "no query set '" + set + "'; shipped sets: "
                            + String.join(", ", PrometheusQuerySets.builtIn().keySet()));
                } else {
                    queries.putAll(known.queries());
                }
            }
            queries.putAll(s.stringMap("queries"));
            if (queries.isEmpty() && !s.has("querySets") && !s.has("queries")) {
                s.warning("", "no querySets and no queries: nothing is pulled from this source");
            }
            if (name != null && url != null) {
                try {
                    out.add(new PrometheusSource(name, url, auth, deadline, maxBytes, queries));
                } catch (IllegalArgumentException e) {
                    s.error("name", e.getMessage());
                }
            }
        }
        return out;
    }

    static PrometheusSource.Auth readAuth(ConfigSection s) {
        ConfigSection auth = s.section("auth");
        auth.allow("bearerToken", "bearerTokenFile", "username", "password", "passwordFile");
        String bearer = auth.secret("bearerToken", "bearerTokenFile", null);
        String user = auth.value("username", null, ConfigValues.text(), null);
        String password = auth.secret("password", "passwordFile", null);
        if (bearer != null && user != null) {
            auth.error("username", "give either a bearer token or a username and password, not both");
        }
        if (password != null && user == null) {
            auth.error("username", "required with a password");
        }
        if (bearer == null && user == null) {
            return PrometheusSource.Auth.NONE;
        }
        return new PrometheusSource.Auth(bearer, user, password);
    }
}
