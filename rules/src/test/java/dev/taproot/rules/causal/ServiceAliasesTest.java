package dev.taproot.rules.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.vocabulary.Vocabulary;

class ServiceAliasesTest {

    private static Topology topology(List<String[]> calls, String... extra) {
        var entities = new java.util.LinkedHashMap<String, Entity>();
        var rels = new ArrayList<Relationship>();
        for (String[] c : calls) {
            for (String n : c) {
                entities.putIfAbsent(n, Entity.of("service/" + n, "Service", n));
            }
            rels.add(new Relationship("CALLS", "service/" + c[0], "service/" + c[1], java.util.Map.of(), null, null));
        }
        for (String n : extra) {
            entities.putIfAbsent(n, Entity.of(n.startsWith("k8s") ? n : "service/" + n,
                    n.contains("/ReplicaSet/") ? "ReplicaSet" : n.contains("/Deployment/") ? "Deployment" : "Service",
                    n.substring(n.lastIndexOf('/') + 1)));
        }
        return new Topology(new Subgraph(List.copyOf(entities.values()), rels, List.of()), Vocabulary.standard());
    }

    @Test
    void aLoadBalancerNameResolvesToTheServiceWhoseNameHoldsItsPieces() {
        Topology t = topology(List.of(
                new String[] {"web", "servi-searc.eu-west-1.elb.amazonaws.com_remote"},
                new String[] {"web", "search_ECS"},
                new String[] {"search_client", "search_ECS"},
                new String[] {"web", "servi-payfo.eu-west-1.elb.amazonaws.com_remote"},
                new String[] {"web", "payforit_ECS"},
                new String[] {"web", "www.example.com_remote"}));
        assertThat(t.unit("service/servi-searc.eu-west-1.elb.amazonaws.com_remote")).isEqualTo("service/search_ECS");
        assertThat(t.unit("service/servi-payfo.eu-west-1.elb.amazonaws.com_remote")).isEqualTo("service/payforit_ECS");
        // nothing in the name points at one service: it stays itself
        assertThat(t.unit("service/www.example.com_remote")).isEqualTo("service/www.example.com_remote");
        assertThat(t.callees("service/web")).contains("service/search_ECS")
                .doesNotContain("service/servi-searc.eu-west-1.elb.amazonaws.com_remote");
    }

    @Test
    void aFrontNodeIsTheEntityItFronts() {
        Topology t = topology(List.of(
                new String[] {"api", "fn_AWS::Lambda"},
                new String[] {"fn_AWS::Lambda", "fn_AWS::Lambda::Function"},
                new String[] {"fn_AWS::Lambda::Function", "table"}));
        assertThat(t.unit("service/fn_AWS::Lambda")).isEqualTo("service/fn_AWS::Lambda::Function");
        assertThat(t.unit("service/fn_AWS::Lambda::Function")).isEqualTo("service/fn_AWS::Lambda::Function");
    }

    @Test
    void aReplicaSetWithoutOwnerBelongsToTheDeploymentItsNameImplies() {
        Topology t = topology(List.of(), "k8s/prod/Deployment/checkout", "k8s/prod/ReplicaSet/checkout-7d9f8b6c5d");
        assertThat(t.unit("k8s/prod/ReplicaSet/checkout-7d9f8b6c5d")).isEqualTo("k8s/prod/Deployment/checkout");
    }

    @Test
    void aDeploymentWhosePodsAServiceSelectsIsThatService() {
        var deployment = Entity.of("k8s/shop/Deployment/orders", "Deployment", "orders");
        var pod = Entity.of("k8s/shop/Pod/orders-5d9c7b6f4-x2x7q", "Pod", "orders-5d9c7b6f4-x2x7q");
        var service = Entity.of("service/orders", "Service", "orders");
        var lone = Entity.of("k8s/shop/Deployment/batch", "Deployment", "batch");
        var rels = List.of(
                new Relationship("OWNS", deployment.key(), pod.key(), java.util.Map.of(), null, null),
                new Relationship("SELECTS", service.key(), pod.key(), java.util.Map.of(), null, null));
        Topology t = new Topology(new Subgraph(List.of(deployment, pod, service, lone), rels, List.of()), Vocabulary.standard());
        assertThat(t.unit(pod.key())).isEqualTo(service.key());
        assertThat(t.unit(deployment.key())).as("the Deployment of a selected pod").isEqualTo(service.key());
        assertThat(t.unit(lone.key())).as("a Deployment no Service reaches stays itself").isEqualTo(lone.key());
    }
}
