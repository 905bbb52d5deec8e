package dev.taproot.api;

import java.time.Clock;
import java.util.function.Supplier;

import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.diagnosis.Diagnose;
import dev.taproot.api.diagnosis.LiveEvidence;
import dev.taproot.api.diagnosis.PastResolutions;
import dev.taproot.api.diagnosis.RunbookRemedies;
import dev.taproot.api.drift.VersionFacts;
import dev.taproot.api.drift.VersionKnowledge;
import dev.taproot.api.explorer.CypherConsole;
import dev.taproot.api.explorer.EntitySearch;
import dev.taproot.api.explorer.GraphViews;
import dev.taproot.api.explorer.HealthScores;
import dev.taproot.api.explorer.Neo4jAccess;
import dev.taproot.api.explorer.Timeline;
import dev.taproot.api.live.ConfiguredSources;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.api.notify.Notifier;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.baseline.PushBaselineStore;
import dev.taproot.ingest.baseline.PushedTelemetry;
import dev.taproot.ingest.coalesce.CoalescedGraphWrites;
import dev.taproot.ingest.detect.TelemetryConfig;
import dev.taproot.ingest.live.PrometheusRangeSource;
import dev.taproot.ingest.live.TelemetrySource;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.ranking.RankingSettings;
import dev.taproot.rules.runbook.RunbookDirectory;
import dev.taproot.rules.runbook.Runbooks;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.pack.RulePacks;

/**
 * The running application: the store and every component built on it, wired in one place from one
 * {@link TaprootConfig}. Closing it shuts everything down, the embedded DBMS last.
 */
public final class Taproot implements AutoCloseable {

    private final TaprootConfig config;
    private final GraphStore store;
    private final Vocabulary vocabulary;
    private final IncidentMemory memory;
    private final Supplier<RulePack> rules;
    private final EntitySearch directory;
    private final GraphViews views;
    private final HealthScores health;
    private final Timeline timeline;
    private final java.util.Optional<CypherConsole> cypher;
    private final RootCauseEngine engine;
    private final Diagnose diagnose;
    private final IngestService ingest;
    private final Supplier<Runbooks> runbooks;
    private final ConfiguredSources live;
    private final io.fabric8.kubernetes.client.KubernetesClient kubernetes;
    private final dev.taproot.api.actions.ActionDesk actions;
    private final Notifier notifier;
    private final VersionKnowledge versions;
    private PushedTelemetry pushed;
    private CoalescedGraphWrites pushedWrites;

    private Taproot(TaprootConfig config, GraphStore store, Supplier<RulePack> rules) {
        this(config, store, rules, null);
    }

    /** @param index the incident index, opened while the store started, or null to open it here */
    private Taproot(TaprootConfig config, GraphStore store, Supplier<RulePack> rules,
                    dev.taproot.search.lucene.LuceneIncidentIndex index) {
        this.config = config;
        this.store = store;
        this.vocabulary = Vocabulary.standard();
        this.rules = rules;
        long indexOpen = System.nanoTime();
        this.memory = index == null ? IncidentMemory.open(store, config.indexDir())
                : IncidentMemory.open(store, index, config.indexDir());
        startupTiming(index == null ? "incident index opened" : "incident index reconciled", indexOpen);
        this.ingest = new IngestService(store, StandardIngestors.registry(store));
        this.directory = new EntitySearch(store);
        this.views = new GraphViews(store);
        var ranking = RankingSettings.defaults();
        this.health = new HealthScores(store, vocabulary, ranking);
        this.timeline = new Timeline(store, vocabulary);
        this.cypher = Neo4jAccess.of(store).map(a -> new CypherConsole(a.driver(), a.database(),
                config.tunables().requestTimeout(), CypherConsole.DEFAULT_MAX_ROWS));
        this.versions = new VersionKnowledge(config.compatibilityFile(), store, vocabulary);
        this.engine = new RootCauseEngine(store, rules, vocabulary, ranking, new VersionFacts(store, versions, vocabulary));
        this.runbooks = RunbookDirectory.inForce(config.runbooksDir(), vocabulary);
        this.live = config.fetchesLiveEvidence() ? liveSources(config, ingest, store) : null;
        this.diagnose = new Diagnose(store, directory, engine, memory, views, live == null ? LiveEvidence.NONE : live,
                new RunbookRemedies(runbooks, store, new PastResolutions()), Clock.systemUTC());
        this.notifier = new Notifier(config.notifications(), store, vocabulary, config.chatops().explorerUrl(),
                config.chatops().mattermostToken(), Clock.systemUTC());
        var ac = config.actions();
        this.kubernetes = ac.enabled() ? kubernetesClient(ac) : null;
        this.actions = new dev.taproot.api.actions.ActionDesk(kubernetes == null ? null
                : new dev.taproot.api.actions.KubernetesActions(kubernetes, java.util.Set.copyOf(ac.namespaces())),
                store, ac.approvalTtl(), Clock.systemUTC());
    }

    /** The client actions use: the configured kubeconfig and context, else fabric8's usual lookup. */
    private static io.fabric8.kubernetes.client.KubernetesClient kubernetesClient(dev.taproot.api.actions.ActionsConfig ac) {
        io.fabric8.kubernetes.client.Config k = ac.kubeconfig() == null
                ? io.fabric8.kubernetes.client.Config.autoConfigure(ac.context())
                : io.fabric8.kubernetes.client.Config.fromKubeconfig(ac.context(), ac.kubeconfig().toFile());
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(k).build();
    }

    /** Every configured source an analysis asks: the Prometheus ones first, then traces and logs. */
    private static ConfiguredSources liveSources(TaprootConfig config, IngestService ingest, GraphStore store) {
        var sources = new java.util.ArrayList<TelemetrySource>();
        config.prometheus().forEach(p -> sources.add(new PrometheusRangeSource(p)));
        sources.addAll(config.telemetry());
        return new ConfiguredSources(sources, ingest, store, config.tunables().liveBaseline(),
                config.tunables().liveDeadline());
    }

    /** Opens the store (starting embedded Neo4j when configured) and wires the components. */
    public static Taproot start(TaprootConfig config) {
        dev.taproot.graph.store.OwnerOnlyFiles.secure(config.dataDir());
        // the embedded DBMS's start is most of the start-up and keeps one core busy: what needs no store
        // (the rule pack, the vocabulary, the search index) is loaded beside it on the other
        var side = new StartupSide(config);
        long t0 = System.nanoTime();
        GraphStore store;
        try {
            store = GraphStores.open(config.store());
        } catch (RuntimeException e) {
            side.discard();
            throw e;
        }
        startupTiming("graph store opened", t0);
        try {
            long t2 = System.nanoTime();
            Taproot taproot = new Taproot(config, store, side.rules(), side.index());
            startupTiming("components wired", t2);
            return taproot;
        } catch (RuntimeException e) {
            side.discard();
            store.close();
            throw e;
        }
    }

    /** One start-up phase's time, in the one-line form {@code taproot bench startup} reads. */
    static void startupTiming(String phase, long startNanos) {
        org.slf4j.LoggerFactory.getLogger(Taproot.class).info("{} in {} ms", phase, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** Wires the components over an already open store (tests share one embedded store). */
    public static Taproot over(TaprootConfig config, GraphStore store) {
        dev.taproot.graph.store.OwnerOnlyFiles.secure(config.dataDir());
        return new Taproot(config, store, RulePacks.inForce(config.rulesDir()));
    }

    /** Wires the components over an open store with a fixed rule pack (the demo and tests). */
    public static Taproot over(TaprootConfig config, GraphStore store, Supplier<RulePack> rules) {
        dev.taproot.graph.store.OwnerOnlyFiles.secure(config.dataDir());
        return new Taproot(config, store, rules);
    }

    public TaprootConfig config() {
        return config;
    }

    public GraphStore store() {
        return store;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The rule pack in force: the built-in pack, overridden by the configured rules directory (one watcher, reloaded on change). */
    public Supplier<RulePack> rules() {
        return rules;
    }

    /** Past incidents: graph and search index kept in step (index under {@code <data>/index}). */
    public IncidentMemory memory() {
        return memory;
    }

    /** The entity directory: names, aliases and close misspellings to entities. */
    public EntitySearch directory() {
        return directory;
    }

    /** Neighbourhoods, paths and blast radius over the graph. */
    public GraphViews views() {
        return views;
    }

    /** Health scores per entity. */
    public HealthScores health() {
        return health;
    }

    /** An entity's history: signals, changes, incidents and topology changes. */
    public Timeline timeline() {
        return timeline;
    }

    /** Read-only Cypher behind the explorer's guard (empty when the store does not speak Cypher). */
    public java.util.Optional<CypherConsole> cypher() {
        return cypher;
    }

    /** The root-cause engine, built once over the rule pack in force. */
    public RootCauseEngine engine() {
        return engine;
    }

    /** Ingestion through every standard ingestor, built once. */
    public IngestService ingest() {
        return ingest;
    }

    /** The runbooks in force: built-in, plus the configured directory's (reloaded on change). */
    public Supplier<Runbooks> runbooks() {
        return runbooks;
    }

    /** Approval-gated Kubernetes actions (disabled unless configured). */
    public dev.taproot.api.actions.ActionDesk actions() {
        return actions;
    }

    /** The one diagnosis service every surface calls. */
    public Diagnose diagnose() {
        return diagnose;
    }

    /** Version pairs known to break: declared in the compatibility file and learned from confirmed incidents. */
    public VersionKnowledge versions() {
        return versions;
    }

    /** Sends diagnoses of alert groups and their resolutions where the configured routes say (off without routes). */
    public Notifier notifier() {
        return notifier;
    }

    /** Where the OTLP baseline kept across requests is saved. */
    public static final String PUSH_BASELINE_FILE = "otlp-baseline.bin";

    /**
     * Pushed OTLP telemetry compared with the baseline kept across requests, in {@code <data>/otlp-baseline.bin}
     * (opened on first use, saved at most every 30 s and at close).
     */
    public synchronized PushedTelemetry pushed() {
        if (pushed == null) {
            PushBaselineStore store = config.dataDir() == null
                    ? PushBaselineStore.inMemory(PushBaselineStore.DEFAULT_MAX_SERIES, PushBaselineStore.DEFAULT_MAX_BUCKETS)
                    : PushBaselineStore.open(config.dataDir().resolve(PUSH_BASELINE_FILE), PushBaselineStore.DEFAULT_MAX_SERIES,
                            PushBaselineStore.DEFAULT_MAX_BUCKETS);
            if (store.loadProblem() != null) {
                System.getLogger(Taproot.class.getName()).log(System.Logger.Level.WARNING, store.loadProblem());
            }
            pushed = new PushedTelemetry(TelemetryConfig.DEFAULTS, store);
        }
        return pushed;
    }

    /**
     * The graph writes of pushed telemetry: coalesced, one writer at a time, figures of known edges written
     * at most {@link CoalescedGraphWrites#DEFAULT_FLUSH_INTERVAL} later (and at close).
     */
    public synchronized CoalescedGraphWrites pushedWrites() {
        if (pushedWrites == null) {
            pushedWrites = new CoalescedGraphWrites(store, CoalescedGraphWrites.DEFAULT_FLUSH_INTERVAL);
        }
        return pushedWrites;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (pushedWrites != null) {
                try {
                    pushedWrites.close();
                } catch (RuntimeException e) {
                    System.getLogger(Taproot.class.getName()).log(System.Logger.Level.WARNING,
                            "pushed telemetry not written at close: " + e.getMessage());
                }
            }
            if (pushed != null) {
                try {
                    pushed.store().save();
                } catch (RuntimeException e) {
                    System.getLogger(Taproot.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
                }
            }
        }
        notifier.close();
        if (kubernetes != null) {
            kubernetes.close();
        }
        if (live != null) {
            live.close();
        }
        try {
            memory.close();
        } finally {
            store.close();
        }
    }
}
