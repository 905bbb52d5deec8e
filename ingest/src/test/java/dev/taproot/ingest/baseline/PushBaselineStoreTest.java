package dev.taproot.ingest.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rolling summaries: bounded in series and buckets, merged per bucket, saved whole and reloaded. */
class PushBaselineStoreTest {

    @TempDir
    Path dir;

    private static PushBaselineStore.Bucket bucket(long start, double n) {
        return new PushBaselineStore.Bucket(start, n, 0.1, 20);
    }

    @Test
    void theOldestBucketsAndTheLeastRecentlyUpdatedSeriesGoFirst() {
        var store = PushBaselineStore.inMemory(2, 3);
        for (int i = 0; i < 5; i++) {
            store.add("a", bucket(i * 30_000L, i));
        }
        assertThat(store.buckets("a")).extracting(PushBaselineStore.Bucket::startMillis).containsExactly(60_000L, 90_000L, 120_000L);
        store.add("b", bucket(0, 1));
        store.buckets("a");
        store.add("c", bucket(0, 1));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.buckets("b")).isEmpty();
        assertThat(store.buckets("a")).isNotEmpty();
    }

    @Test
    void twoPushesIntoOneBucketAreOneBucketWeightedByTheirRequests() {
        var store = PushBaselineStore.inMemory(10, 10);
        store.add("s", new PushBaselineStore.Bucket(0, 30, 0.0, 10));
        store.add("s", new PushBaselineStore.Bucket(0, 10, 1.0, 50));
        store.add("s", new PushBaselineStore.Bucket(60_000, 5, 0.0, Double.NaN));
        store.add("s", new PushBaselineStore.Bucket(30_000, 5, 0.0, 10));
        assertThat(store.buckets("s")).containsExactly(new PushBaselineStore.Bucket(0, 40, 0.25, 20),
                new PushBaselineStore.Bucket(30_000, 5, 0.0, 10), new PushBaselineStore.Bucket(60_000, 5, 0.0, Double.NaN));
    }

    @Test
    void aSavedStoreIsTheSameAfterARestartAndAnUnreadableFileIsSetAside() throws Exception {
        Path file = dir.resolve("otlp-baseline.bin");
        var store = PushBaselineStore.open(file, 10, 10);
        assertThat(store.size()).isZero();
        store.add("trace|orders", bucket(0, 12));
        store.add("log|service/orders|true|db <*> refused", bucket(30_000, 3));
        store.save();

        var reopened = PushBaselineStore.open(file, 10, 10);
        assertThat(reopened.loadProblem()).isNull();
        assertThat(reopened.buckets("trace|orders")).containsExactly(bucket(0, 12));
        assertThat(reopened.buckets("log|service/orders|true|db <*> refused")).containsExactly(bucket(30_000, 3));

        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        var broken = PushBaselineStore.open(file, 10, 10);
        assertThat(broken.size()).isZero();
        assertThat(broken.loadProblem()).contains("could not be read").contains("otlp-baseline.bin.unreadable");
        assertThat(dir.resolve("otlp-baseline.bin.unreadable")).exists();
    }
}
