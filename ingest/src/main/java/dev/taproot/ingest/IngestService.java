package dev.taproot.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.ObservedChanges;

/**
 * Runs ingestors over files, folders and request bodies and commits each input's batch: in one
 * transaction up to {@link GraphStore#MAX_TRANSACTION_RECORDS} records, else in bounded transactions
 * under a batch id taken from the input, so that resending an input after a partial failure resumes it
 * ({@link GraphStore#write(GraphBatch, String)}). Before writing it adds the changes Taproot notices itself
 * (a workload's template or a ConfigMap's data differing from the stored one); after writing a
 * topology input it closes the relationships that the same source reported before and no longer does.
 */
public final class IngestService {

    /** Relationship property naming the input that last reported the relationship. */
    public static final String SOURCE_PROPERTY = "ingestSource";
    /** Relationship property naming the API token that ingested the source (absent from the CLI). */
    public static final String OWNER_PROPERTY = "ingestOwner";

    /**
     * Who ingests: an API token's name, and whether it may replace a source another token created
     * (admin). {@link #LOCAL} is the command line, which owns the data directory anyway.
     */
    public record Caller(String name, boolean mayReplaceAnySource) {
        public static final Caller LOCAL = new Caller(null, true);
    }

    /** Thrown when a caller names a source another token created and may not replace it. */
    public static final class SourceOwnedException extends RuntimeException {
        public SourceOwnedException(String message) {
            super(message);
        }
    }

    /** How many of the store's services a resolver reads at once when it checks many names. */
    static final int MAX_SERVICES_PRELOADED = 200_000;

    private final GraphStore store;
    private final IngestRegistry registry;

    public IngestService(GraphStore store, IngestRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public IngestRegistry registry() {
        return registry;
    }

    /**
     * Ingests one input with the ingestor its name and content select.
     *
     * @param replaceSource whether a topology input replaces what the same source reported before
     *                      (vanished relationships are closed)
     * @throws MalformedInputException the input cannot be read at all; nothing was stored
     * @throws IllegalArgumentException no ingestor reads this input
     */
    public IngestReport ingest(IngestInput input, boolean replaceSource) throws MalformedInputException {
        Ingestor ingestor = registry.detect(input).orElseThrow(() -> new IllegalArgumentException(
                input.name() + ": no ingestor reads this input (formats: " + registry.formats() + ")"));
        return ingest(input, ingestor, replaceSource);
    }

    /** Ingests one input with the ingestor of a named format. */
    public IngestReport ingest(IngestInput input, String format, boolean replaceSource) throws MalformedInputException {
        return ingest(input, format, replaceSource, Caller.LOCAL);
    }

    /**
     * Ingests one input with the ingestor of a named format, for a caller: replacing a source (closing
     * what it no longer reports) needs the token that created it, or admin.
     *
     * @throws SourceOwnedException before anything is stored, when the source belongs to another token
     */
    public IngestReport ingest(IngestInput input, String format, boolean replaceSource, Caller caller)
            throws MalformedInputException {
        Ingestor ingestor = registry.byFormat(format).orElseThrow(() -> new IllegalArgumentException(
                "unknown format '" + format + "' (formats: " + registry.formats() + ")"));
        return ingest(input, ingestor, replaceSource, caller);
    }

    /** Ingests one input with the given ingestor. */
    public IngestReport ingest(IngestInput input, Ingestor ingestor, boolean replaceSource) throws MalformedInputException {
        return ingest(input, ingestor, replaceSource, Caller.LOCAL);
    }

    private IngestReport ingest(IngestInput input, Ingestor ingestor, boolean replaceSource, Caller caller)
            throws MalformedInputException {
        var writer = new GraphWriter(EntityResolver.over(store::findEntities,
                () -> store.entities(dev.taproot.graph.model.EntityTypes.SERVICE, MAX_SERVICES_PRELOADED)));
        IngestResult result = ingestor.ingest(input, writer);
        GraphBatch batch = writer.batch();
        boolean topology = ingestor.describesTopology();
        var notes = new ArrayList<>(writer.notes());

        List<Signal> changes = topology
                ? ObservedChanges.detect(batch, previousState(batch), input.observedAt(), input.name())
                : List.of();
        changes.forEach(c -> notes.add("change noticed: " + c.attributes().get("message")));
        Set<String> vanished = topology && replaceSource ? vanished(batch, input.name(), caller) : Set.of();
        GraphBatch stamped = stamp(batch, changes, topology ? input.name() : null, caller.name());

        store.write(stamped, batchId(input));
        if (!vanished.isEmpty()) {
            store.closeRelationships(vanished, input.observedAt());
            notes.add(vanished.size() + " relationship(s) no longer reported by " + input.name() + " closed");
        }
        var accepted = new LinkedHashMap<>(result.accepted());
        changes.forEach(c -> accepted.merge(c.type(), 1, Integer::sum));
        return new IngestReport(input.name(), ingestor.format(), accepted, result.rejected(),
                stamped.entities().size(), stamped.relationships().size(), stamped.signals().size(),
                stamped.incidents().size(), vanished.size(), notes);
    }

    /**
     * The id a large write is recorded under: the input's name and content, so the same request
     * sent again after a partial failure resumes where the first one stopped.
     */
    static String batchId(IngestInput input) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(input.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(input.content());
            return "ingest-" + java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The stored state of the batch's workloads and configuration objects, read in one round trip
     * (a 0-hop subgraph around their keys, with an empty signal window).
     */
    private java.util.function.Function<String, Optional<dev.taproot.graph.model.Entity>> previousState(GraphBatch batch) {
        Set<String> keys = new HashSet<>();
        for (var e : batch.entities()) {
            if (e.property(ObservedChanges.TEMPLATE_HASH) != null || e.property(ObservedChanges.DATA_HASH) != null) {
                keys.add(e.key());
            }
        }
        if (keys.isEmpty()) {
            return k -> Optional.empty();
        }
        var before = new HashMap<String, dev.taproot.graph.model.Entity>();
        store.subgraph(new dev.taproot.graph.model.SubgraphQuery(keys, 0, null, Instant.EPOCH, Instant.EPOCH,
                keys.size())).entities().forEach(e -> before.put(e.key(), e));
        return k -> Optional.ofNullable(before.get(k));
    }

    private static GraphBatch stamp(GraphBatch batch, List<Signal> changes, String source, String owner) {
        if (source == null && changes.isEmpty()) {
            return batch;
        }
        List<Relationship> rels = source == null ? batch.relationships() : batch.relationships().stream().map(r -> {
            var props = new HashMap<String, Object>(r.properties());
            props.put(SOURCE_PROPERTY, source);
            if (owner != null) {
                props.put(OWNER_PROPERTY, owner);
            }
            return new Relationship(r.type(), r.fromKey(), r.toKey(), props, r.validFrom(), r.validTo());
        }).toList();
        var signals = new ArrayList<>(batch.signals());
        signals.addAll(changes);
        return new GraphBatch(batch.entities(), rels, signals, batch.incidents());
    }

    /** Open relationships this source reported before that the new batch no longer has. */
    private Set<String> vanished(GraphBatch batch, String source, Caller caller) {
        Set<String> now = new HashSet<>();
        batch.relationships().forEach(r -> now.add(r.identity()));
        Set<String> gone = new HashSet<>();
        for (Relationship r : store.relationships(List.of(), Integer.MAX_VALUE)) {
            if (!source.equals(r.properties().get(SOURCE_PROPERTY)) || r.validTo() != null) {
                continue;
            }
            Object owner = r.properties().get(OWNER_PROPERTY);
            if (!caller.mayReplaceAnySource() && !java.util.Objects.equals(owner, caller.name())) {
                throw new SourceOwnedException("source '" + source + "' was ingested by " + (owner == null
                        ? "the command line or before sources had owners" : "another token") + "; only that token or an admin"
                        + " may replace it (choose another ?source= name)");
            }
            if (!now.contains(r.identity())) {
                gone.add(r.identity());
            }
        }
        return gone;
    }

    /** One file found under the paths given to {@link #ingestPaths}, with the ingestor that reads it. */
    public record Planned(Path file, Ingestor ingestor) {
    }

    /** Progress of a multi-file ingest: the file just done and its report, or its error. */
    public record Progress(int done, int total, Path file, IngestReport report, String error) {
    }

    /**
     * Finds the files to ingest under the given paths: files named directly must be readable by some
     * ingestor (else an error names them); files inside folders without a known format are skipped.
     * Topology formats come first, so signals find their entities.
     *
     * @param unknown receives files named directly that no ingestor reads
     */
    public List<Planned> plan(List<Path> paths, Consumer<String> unknown) {
        var planned = new ArrayList<Planned>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                unknown.accept(p + ": no such file or folder");
                continue;
            }
            boolean direct = !Files.isDirectory(p);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(p)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + p + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
            }
            for (Path f : files) {
                Optional<Ingestor> ingestor = detectFile(f);
                if (ingestor.isPresent()) {
                    planned.add(new Planned(f, ingestor.get()));
                } else if (direct) {
                    unknown.accept(f + ": no ingestor reads this file (formats: " + registry.formats() + ")");
                }
            }
        }
        planned.sort(Comparator.comparingInt((Planned pl) -> pl.ingestor().order()));
        return planned;
    }

    private Optional<Ingestor> detectFile(Path f) {
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith(".") || name.equals("license") || name.endsWith(".md") || name.endsWith(".txt")) {
            return Optional.empty();
        }
        try {
            return registry.detect(IngestInput.of(f, Instant.now()));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Ingests every planned file, each in its own transaction; a file that cannot be read is reported
     * through {@code progress} with its error and the others go on.
     */
    public List<IngestReport> ingestPlanned(List<Planned> planned, Instant observedAt, Consumer<Progress> progress) {
        var reports = new ArrayList<IngestReport>();
        int done = 0;
        for (Planned p : planned) {
            done++;
            try {
                IngestInput input = IngestInput.of(p.file().toAbsolutePath().normalize(), observedAt);
                IngestReport report = ingest(input, p.ingestor(), true);
                reports.add(report);
                progress.accept(new Progress(done, planned.size(), p.file(), report, null));
            } catch (MalformedInputException | UncheckedIOException | IllegalArgumentException e) {
                progress.accept(new Progress(done, planned.size(), p.file(), null, dev.taproot.graph.store.ErrorMessages.describe(e)));
            }
        }
        return reports;
    }

    /** Placeholders the graph still holds for references no source has described (up to {@code limit}). */
    public List<String> unresolved(int limit) {
        return store.entities(dev.taproot.graph.model.EntityTypes.UNRESOLVED, limit).stream()
                .map(dev.taproot.graph.model.Entity::key).toList();
    }

    /** Counts accepted records per kind over reports. */
    public static Map<String, Integer> countsByKind(List<IngestReport> reports) {
        var out = new java.util.TreeMap<String, Integer>();
        reports.forEach(r -> r.accepted().forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }
}
