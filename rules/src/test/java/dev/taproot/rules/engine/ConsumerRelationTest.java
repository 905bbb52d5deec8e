package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.model.EntityRelation;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.SignalPattern;
import dev.taproot.rules.model.TimeRelation;

/** The {@code consumer} relation: a queue's consumers, never its producers. */
class ConsumerRelationTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:10:00Z");
    private static final Vocabulary V = Vocabulary.standard();

    /** checkout produces to orders (CALLS it, DEPENDS_ON it); fulfilment, through its pod, consumes from it. */
    private static Subgraph queueWith(List<Signal> signals) {
        return new Subgraph(List.of(
                Entity.of("queue/orders", "Queue", "orders"),
                Entity.of("service/checkout", "Service", "checkout"),
                Entity.of("service/fulfilment", "Service", "fulfilment"),
                Entity.of("k8s/shop/Pod/fulfilment-1", "Pod", "fulfilment-1")),
                List.of(Relationship.of(RelationshipTypes.CALLS, "service/checkout", "queue/orders"),
                        Relationship.of(RelationshipTypes.DEPENDS_ON, "service/checkout", "queue/orders"),
                        Relationship.of(RelationshipTypes.SELECTS, "service/fulfilment", "k8s/shop/Pod/fulfilment-1"),
                        Relationship.of(RelationshipTypes.CONSUMES_FROM, "k8s/shop/Pod/fulfilment-1", "queue/orders")),
                signals);
    }

    private static Signal signal(String type, String entity, int minutesBefore) {
        return new Signal(type + "/" + entity, type, entity, type, Severity.ERROR, T0.minusSeconds(60L * minutesBefore),
                null, Map.of(), "test");
    }

    private static Rule rule(EntityRelation.Kind kind) {
        return new Rule("test.lag", "lag", "datastore",
                new SignalPattern(List.of("CPUSaturation", "ApplicationError"), List.of(), List.of()),
                new SignalPattern(List.of("ConsumerLag"), List.of(), List.of()),
                new EntityRelation(kind, EntityRelation.DEFAULT_MAX_HOPS), TimeRelation.defaults(), 0.7, "slow",
                Map.of(), List.of(), List.of(), "test");
    }

    private static List<String> causesOfTheLag(EntityRelation.Kind kind, Subgraph g) {
        var t = new Topology(g, V);
        return new RuleMatcher(V).match(List.of(rule(kind)), g.signals(), t).links().stream()
                .map(l -> t.unit(l.cause().entityKey())).distinct().sorted().toList();
    }

    @Test
    void theConsumerExplainsTheLagOfTheQueueItConsumesFromAndTheProducerDoesNot() {
        var g = queueWith(List.of(signal("CPUSaturation", "service/checkout", 1),
                signal("ApplicationError", "k8s/shop/Pod/fulfilment-1", 5), signal("ConsumerLag", "queue/orders", 0)));
        assertThat(causesOfTheLag(EntityRelation.Kind.CONSUMER, g)).containsExactly("service/fulfilment");
        assertThat(causesOfTheLag(EntityRelation.Kind.ANY, g)).as("any still reaches the producer")
                .containsExactly("service/checkout", "service/fulfilment");
    }

    @Test
    void aQueueWithoutAConsumesFromEdgeHasNoConsumer() {
        var g = new Subgraph(queueWith(List.of()).entities(),
                List.of(Relationship.of(RelationshipTypes.CALLS, "service/fulfilment", "queue/orders")),
                List.of(signal("CPUSaturation", "service/fulfilment", 2), signal("ConsumerLag", "queue/orders", 0)));
        assertThat(causesOfTheLag(EntityRelation.Kind.CONSUMER, g)).isEmpty();
    }

    @Test
    void theRelationIsSpelledConsumerInRules() {
        assertThat(EntityRelation.Kind.parse("consumer")).isEqualTo(EntityRelation.Kind.CONSUMER);
    }
}
