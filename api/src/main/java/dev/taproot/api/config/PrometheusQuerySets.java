package dev.taproot.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The PromQL query sets shipped with Taproot, one per exporter almost every cluster runs
 * ({@code cadvisor}, {@code kube-state-metrics}, {@code node-exporter}, {@code otel-http},
 * {@code istio}, {@code linkerd}); read from {@code prometheus-query-sets.yaml} on the classpath.
 */
public final class PrometheusQuerySets {

    static final String RESOURCE = "prometheus-query-sets.yaml";

    /** One set: what it covers and its named queries. */
    public record QuerySet(String description, Map<String, String> queries) {
        public QuerySet {
            queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        }
    }

    private static final Map<String, QuerySet> BUILT_IN = load();

    private PrometheusQuerySets() {
    }

    /** Every shipped set by name, in file order. */
    public static Map<String, QuerySet> builtIn() {
        return BUILT_IN;
    }

    private static Map<String, QuerySet> load() {
        try (InputStream in = PrometheusQuerySets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, QuerySet> sets = new ObjectMapper(new YAMLFactory())
                    .readValue(in, new TypeReference<LinkedHashMap<String, QuerySet>>() { });
            return Collections.unmodifiableMap(sets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
