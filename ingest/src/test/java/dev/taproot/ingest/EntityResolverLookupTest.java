package dev.taproot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;

/**
 * A payload that names a few services costs a few indexed lookups, not a read of every service in the store;
 * one that names many reads them once. Either way the same names resolve to the same services.
 */
class EntityResolverLookupTest {

    private final List<Entity> services = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger bulkReads = new AtomicInteger();

    EntityResolverLookupTest() {
        for (int i = 0; i < 500; i++) {
            services.add(new Entity("service/svc-" + i, "Service", "svc-" + i, java.util.Map.of(), java.util.Set.of("alias-" + i), null, null));
        }
    }

    private EntityResolver resolver() {
        return EntityResolver.over(q -> {
            lookups.incrementAndGet();
            String lower = q.toLowerCase(Locale.ROOT);
            return services.stream().filter(e -> e.key().equals(q) || e.name().equalsIgnoreCase(lower)
                    || e.aliases().contains(lower)).toList();
        }, () -> {
            bulkReads.incrementAndGet();
            return services;
        });
    }

    @Test
    void aFewNamesAreLookedUpOneByOneWithoutReadingEveryService() {
        EntityResolver r = resolver();
        assertThat(r.knownService("svc-7")).map(Entity::key).contains("service/svc-7");
        assertThat(r.knownService("ALIAS-9")).map(Entity::key).contains("service/svc-9");
        assertThat(r.knownService("svc-7")).as("asked again: cached").map(Entity::key).contains("service/svc-7");
        assertThat(r.knownService("nobody")).isEmpty();
        assertThat(bulkReads).hasValue(0);
        assertThat(lookups).hasValue(3);
    }

    @Test
    void manyNamesReadTheServicesOnceAndResolveAlike() {
        EntityResolver r = resolver();
        for (int i = 0; i < 200; i++) {
            String name = i % 2 == 0 ? "svc-" + i : "alias-" + i;
            assertThat(r.knownService(name)).as(name).map(Entity::key).contains("service/svc-" + i);
        }
        assertThat(bulkReads).hasValue(1);
        assertThat(lookups).hasValue(EntityResolver.LOOKUPS_BEFORE_BULK);
    }
}
