package dev.taproot.api.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Runs the four actions against a cluster through fabric8, each as one patch of one object, so a
 * server-side dry run ({@code dryRun=All}) of the same patch shows exactly what the real one would
 * change. What changed is read from the object the API server returns, not assumed.
 */
public final class KubernetesActions {

    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String FIELD_MANAGER = "taproot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final Set<String> namespaces;

    /** @param namespaces the namespaces actions may touch (empty: any) */
    public KubernetesActions(KubernetesClient client, Set<String> namespaces) {
        this.client = client;
        this.namespaces = Set.copyOf(namespaces);
    }

    /**
     * Applies {@code r}, or with {@code dryRun} only asks the API server what it would do.
     *
     * @return what changed (or would), one line per field, in words
     */
    public List<String> apply(ActionRequest r, boolean dryRun, Instant now) {
        requireAllowed(r);
        return talking(r, () -> switch (r.kind()) {
            case RESTART -> restart(r, dryRun, now);
            case ROLLBACK -> rollback(r, dryRun);
            case SCALE -> scale(r, dryRun);
            case CORDON -> cordon(r, dryRun);
        });
    }

    /** Runs one exchange with the API server; its refusals become {@link ActionException}s naming the command. */
    private static <T> T talking(ActionRequest r, java.util.function.Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (KubernetesClientException e) {
            int code = e.getCode();
            throw new ActionException(code == 403 || code == 404 || code == 409 || code == 422 ? code : 503,
                    "the Kubernetes API refused " + r.kubectl() + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * The request with every value the run will use fixed now: a scale without a replica count gets
     * one more than the Deployment has, so the approved run does exactly what the dry run showed.
     */
    public ActionRequest resolve(ActionRequest r) {
        requireAllowed(r);
        if (r.kind() != ActionKind.SCALE || r.replicas() != null) {
            return r;
        }
        Deployment d = talking(r, () -> deployment(r));
        int now = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return new ActionRequest(r.kind(), r.namespace(), r.target(), now + 1, r.reason(), r.diagnosis(), r.incident());
    }

    private void requireAllowed(ActionRequest r) {
        if (r.namespace() != null && !namespaces.isEmpty() && !namespaces.contains(r.namespace())) {
            throw new ActionException(403, "namespace '" + r.namespace() + "' is not among the namespaces actions may touch ("
                    + String.join(", ", namespaces.stream().sorted().toList()) + ")");
        }
    }

    private List<String> restart(ActionRequest r, boolean dryRun, Instant now) {
        Deployment before = deployment(r);
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RESTARTED_AT + "\":\"" + now + "\"}}}}}";
        Deployment after = client.apps().deployments().inNamespace(r.namespace()).withName(r.target())
                .patch(context(PatchType.JSON_MERGE, dryRun), patch);
        var out = new ArrayList<String>();
        String was = annotation(before.getSpec().getTemplate(), RESTARTED_AT);
        String is = annotation(after.getSpec().getTemplate(), RESTARTED_AT);
        out.add("pod template annotation " + RESTARTED_AT + ": " + (was == null ? "unset" : was) + " -> " + is
                + " (every pod of " + r.namespace() + "/" + r.target() + " is replaced by a rolling update)");
        return out;
    }

    private List<String> rollback(ActionRequest r, boolean dryRun) {
        Deployment before = deployment(r);
        List<ReplicaSet> owned = client.apps().replicaSets().inNamespace(r.namespace()).list().getItems().stream()
                .filter(rs -> ownedBy(rs, before) && revision(rs) > 0)
                .sorted(Comparator.comparingLong(KubernetesActions::revision).reversed()).toList();
        long current = revision(before) > 0 ? revision(before) : owned.isEmpty() ? 0 : revision(owned.get(0));
        ReplicaSet previous = owned.stream().filter(rs -> revision(rs) < current).findFirst()
                .orElseThrow(() -> new ActionException(409, "deployment " + r.namespace() + "/" + r.target()
                        + " has no earlier revision to roll back to (ReplicaSets found: " + owned.size() + ")"));
        PodTemplateSpec template = JSON.convertValue(JSON.valueToTree(previous.getSpec().getTemplate()), PodTemplateSpec.class);
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            var labels = new LinkedHashMap<>(template.getMetadata().getLabels());
            labels.remove("pod-template-hash");
            template.getMetadata().setLabels(labels);
        }
        String patch;
        try {
            patch = "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":" + JSON.writeValueAsString(template) + "}]";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Deployment after = client.apps().deployments().inNamespace(r.namespace()).withName(r.target())
                .patch(context(PatchType.JSON, dryRun), patch);
        var out = new ArrayList<String>();
        out.add("pod template: revision " + current + " -> the template of revision " + revision(previous)
                + " (ReplicaSet " + previous.getMetadata().getName() + ")");
        out.addAll(imageChanges(before.getSpec().getTemplate(), after.getSpec().getTemplate()));
        return out;
    }

    private List<String> scale(ActionRequest r, boolean dryRun) {
        Deployment before = deployment(r);
        int was = before.getSpec().getReplicas() == null ? 1 : before.getSpec().getReplicas();
        int to = r.replicas() == null ? was + 1 : r.replicas();
        Deployment after = client.apps().deployments().inNamespace(r.namespace()).withName(r.target())
                .patch(context(PatchType.JSON_MERGE, dryRun), "{\"spec\":{\"replicas\":" + to + "}}");
        return List.of("replicas: " + was + " -> " + after.getSpec().getReplicas());
    }

    private List<String> cordon(ActionRequest r, boolean dryRun) {
        Node before = client.nodes().withName(r.target()).get();
        if (before == null) {
            throw new ActionException(404, "no node '" + r.target() + "' in the cluster");
        }
        boolean was = Boolean.TRUE.equals(before.getSpec() == null ? null : before.getSpec().getUnschedulable());
        if (was) {
            return List.of("node " + r.target() + " is already cordoned: nothing to change");
        }
        Node after = client.nodes().withName(r.target())
                .patch(context(PatchType.JSON_MERGE, dryRun), "{\"spec\":{\"unschedulable\":true}}");
        return List.of("node " + r.target() + " unschedulable: false -> " + Boolean.TRUE.equals(after.getSpec().getUnschedulable())
                + " (running pods stay; no new pod is scheduled there)");
    }

    private Deployment deployment(ActionRequest r) {
        Deployment d = client.apps().deployments().inNamespace(r.namespace()).withName(r.target()).get();
        if (d == null) {
            throw new ActionException(404, "no Deployment '" + r.target() + "' in namespace '" + r.namespace() + "'");
        }
        return d;
    }

    private static PatchContext context(PatchType type, boolean dryRun) {
        var ctx = PatchContext.of(type);
        ctx.setFieldManager(FIELD_MANAGER);
        if (dryRun) {
            ctx.setDryRun(List.of("All"));
        }
        return ctx;
    }

    private static boolean ownedBy(ReplicaSet rs, Deployment d) {
        var refs = rs.getMetadata().getOwnerReferences();
        return refs != null && refs.stream().anyMatch(o -> "Deployment".equals(o.getKind())
                && (Objects.equals(o.getUid(), d.getMetadata().getUid()) && o.getUid() != null
                    || Objects.equals(o.getName(), d.getMetadata().getName())));
    }

    private static long revision(HasMetadata o) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        String v = a == null ? null : a.get(REVISION);
        try {
            return v == null ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String annotation(PodTemplateSpec t, String key) {
        return t == null || t.getMetadata() == null || t.getMetadata().getAnnotations() == null ? null
                : t.getMetadata().getAnnotations().get(key);
    }

    private static List<String> imageChanges(PodTemplateSpec before, PodTemplateSpec after) {
        var was = new LinkedHashMap<String, String>();
        before.getSpec().getContainers().forEach(c -> was.put(c.getName(), c.getImage()));
        var out = new ArrayList<String>();
        for (Container c : after.getSpec().getContainers()) {
            String old = was.get(c.getName());
            if (!Objects.equals(old, c.getImage())) {
                out.add("container " + c.getName() + " image: " + (old == null ? "none" : old) + " -> " + c.getImage());
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
