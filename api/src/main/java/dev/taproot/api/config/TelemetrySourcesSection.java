package dev.taproot.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import dev.taproot.ingest.live.ElasticsearchSource;
import dev.taproot.ingest.live.JaegerSource;
import dev.taproot.ingest.live.LiveEndpoint;
import dev.taproot.ingest.live.LokiSource;
import dev.taproot.ingest.live.TelemetrySource;
import dev.taproot.ingest.live.TempoSource;

/**
 * Reads {@code sources.jaeger}, {@code sources.tempo}, {@code sources.loki} and
 * {@code sources.elasticsearch}: the trace and log backends Taproot asks at analysis time. Every entry
 * has {@code name}, {@code url}, {@code auth}, {@code deadline} and {@code maxBytes} (as a Prometheus
 * source does) plus its backend's options; each mistake is reported with its line and field. A
 * builder is given a null endpoint when name or URL is unusable: it still reads its options, then
 * returns null.
 */
final class TelemetrySourcesSection {

    /** The kinds read, in the order their sources are asked. */
    static final List<String> KINDS = List.of("jaeger", "tempo", "loki", "elasticsearch");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final String[] COMMON = {"name", "url", "auth", "deadline", "maxBytes"};

    private TelemetrySourcesSection() {
    }

    static List<TelemetrySource> read(ConfigSection sources) {
        var out = new ArrayList<TelemetrySource>();
        out.addAll(read(sources, "jaeger", new String[] {"limit"}, (s, e) -> {
            int limit = s.value("limit", null, ConfigValues.integer(1, 1_500), 0);
            return e == null ? null : new JaegerSource(e, limit);
        }));
        out.addAll(read(sources, "tempo", new String[] {"limit"}, (s, e) -> {
            int limit = s.value("limit", null, ConfigValues.integer(1, 500), 0);
            return e == null ? null : new TempoSource(e, limit);
        }));
        out.addAll(read(sources, "loki", new String[] {"serviceLabel", "lineFilter", "limit"}, (s, e) -> {
            try {
                var options = new LokiSource.Options(s.value("serviceLabel", null, ConfigValues.text(), null),
                        s.value("lineFilter", null, ConfigValues.text(), null), s.value("limit", null, ConfigValues.integer(1, 50_000), 0));
                return e == null ? null : new LokiSource(e, options);
            } catch (IllegalArgumentException ex) {
                s.error("serviceLabel", ex.getMessage());
                return null;
            }
        }));
        out.addAll(read(sources, "elasticsearch", new String[] {"index", "serviceField", "levelField", "timeField",
                "messageField", "errorLevels", "size"}, (s, e) -> {
            try {
                var options = new ElasticsearchSource.Options(
                        s.value("index", null, ConfigValues.text(), null), s.value("serviceField", null, ConfigValues.text(), null),
                        s.value("levelField", null, ConfigValues.text(), null), s.value("timeField", null, ConfigValues.text(), null),
                        s.value("messageField", null, ConfigValues.text(), null), s.strings("errorLevels", null),
                        s.value("size", null, ConfigValues.integer(1, ElasticsearchSource.Options.MAX_SIZE), 0));
                return e == null ? null : new ElasticsearchSource(e, options);
            } catch (IllegalArgumentException ex) {
                s.error("index", ex.getMessage());
                return null;
            }
        }));
        return out;
    }

    private static List<TelemetrySource> read(ConfigSection sources, String kind, String[] options,
                                              BiFunction<ConfigSection, LiveEndpoint, TelemetrySource> build) {
        var out = new ArrayList<TelemetrySource>();
        var names = new HashSet<String>();
        String[] allowed = new String[COMMON.length + options.length];
        System.arraycopy(COMMON, 0, allowed, 0, COMMON.length);
        System.arraycopy(options, 0, allowed, COMMON.length, options.length);
        for (ConfigSection s : sources.sections(kind)) {
            s.allow(allowed);
            String name = s.value("name", null, ConfigValues.text(), null);
            if (name == null) {
                s.error("name", "required: how analyses and answers refer to this source");
            } else if (!NAME.matcher(name).matches()) {
                s.error("name", "must be lower-case letters, digits, '-' or '_' (at most 63), was '" + name + "'");
                name = null;
            } else if (!names.add(name)) {
                s.error("name", "another " + kind + " source is already named '" + name + "'");
            }
            URI url = s.value("url", null, ConfigValues.httpUrl(), null);
            if (!s.has("url")) {
                s.error("url", "required: the " + kind + " API's base URL");
            }
            var auth = PrometheusSection.readAuth(s);
            Duration deadline = s.value("deadline", null, ConfigValues.duration(LiveEndpoint.MAX_DEADLINE), LiveEndpoint.DEFAULT_DEADLINE);
            long maxBytes = s.value("maxBytes", null, ConfigValues.bytes(), LiveEndpoint.DEFAULT_MAX_BYTES);
            // the options are read (and their mistakes reported) even when the endpoint is unusable
            LiveEndpoint endpoint = name == null || url == null ? null : new LiveEndpoint(kind, name, url, auth, deadline, maxBytes);
            TelemetrySource source = build.apply(s, endpoint);
            if (source != null) {
                out.add(source);
            }
        }
        return out;
    }
}
