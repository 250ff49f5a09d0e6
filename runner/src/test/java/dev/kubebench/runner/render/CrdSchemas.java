package dev.kubebench.runner.render;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kubebench.catalog.plan.JobNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates rendered objects against the real CRD schemas in ../shared/crds ({@code spec.versions[0].schema
 * .openAPIV3Schema}), made checkable by a JSON-Schema (draft 4) validator:
 * <ul>
 *   <li>{@code x-kubernetes-int-or-string} becomes {@code anyOf: [integer, string]} (the schema's own {@code pattern}
 *       still applies to strings, as in Kubernetes);</li>
 *   <li>every object schema with {@code properties} and no {@code additionalProperties} (and no
 *       {@code x-kubernetes-preserve-unknown-fields}) is closed with {@code additionalProperties: false}. The API
 *       server prunes such unknown fields, and {@code kubectl} (server-side field validation {@code Strict}, its
 *       default) rejects them, so a rendered object must not carry any;</li>
 *   <li>the other {@code x-kubernetes-*} annotations and CEL rules are dropped; the CEL rule that matters on create
 *       (TrainJob {@code metadata.name} is a DNS-1035 label) is checked by hand for every job.</li>
 * </ul>
 * batch/v1 Job has no CRD: its schema here is a structural Job envelope around the real core/v1 PodTemplateSpec schema
 * taken from the PyTorchJob CRD (the operator generates it from the Kubernetes types). ConfigMap gets a small
 * structural schema.
 */
final class CrdSchemas {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    static Path crds() {
        return Path.of(System.getProperty("kubebench.shared"), "crds");
    }

    /** Schema violations of one rendered object, as {@code /json/pointer: message} lines; empty when it is valid. */
    static List<String> validate(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Schema schema = CACHE.computeIfAbsent(apiVersion + "/" + kind, k -> load(apiVersion, kind));
        JsonNode node = JSON.valueToTree(object);
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(node)) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        Object metadata = object.get("metadata");
        Object name = metadata instanceof Map ? ((Map<?, ?>) metadata).get("name") : null;
        if (!"ConfigMap".equals(kind) && !(name instanceof String && JobNames.isDns1035((String) name))) {
            problems.add("/metadata/name: " + name + " is not a DNS-1035 label");
        }
        return problems;
    }

    private static Schema load(String apiVersion, String kind) {
        switch (apiVersion + " " + kind) {
            case "v1 ConfigMap":
                return REGISTRY.getSchema(configMapSchema());
            case "batch/v1 Job":
                return REGISTRY.getSchema(batchJobSchema());
            default:
                return REGISTRY.getSchema(openApiSchema(crdFile(apiVersion, kind), apiVersion));
        }
    }

    /** The CRD file that defines an apiVersion and kind. */
    static Path crdFile(String apiVersion, String kind) {
        String plural = kind.toLowerCase(java.util.Locale.ROOT) + "s";
        switch (apiVersion) {
            case "kubeflow.org/v1":
                return crds().resolve("kubeflow.org/kubeflow.org_" + plural + ".yaml");
            case "kubeflow.org/v2beta1":
                return crds().resolve("kubeflow.org/mpi-operator/kubeflow.org_" + plural + ".yaml");
            case "trainer.kubeflow.org/v1alpha1":
                return crds().resolve("trainer.kubeflow.org/trainer.kubeflow.org_" + plural + ".yaml");
            default:
                throw new IllegalArgumentException("no CRD for " + apiVersion + " " + kind);
        }
    }

    /** The CRD's openAPIV3Schema, preprocessed; checks the CRD serves the apiVersion's group and version. */
    static ObjectNode openApiSchema(Path crdFile, String apiVersion) {
        try {
            JsonNode crd = YAML.readTree(Files.readString(crdFile));
            JsonNode version = crd.path("spec").path("versions").path(0);
            String served = crd.path("spec").path("group").asString() + "/" + version.path("name").asString();
            if (!served.equals(apiVersion)) {
                throw new IllegalStateException(crdFile + " serves " + served + ", not " + apiVersion);
            }
            ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
            preprocess(schema);
            return schema;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Applies the rewrites in the class comment, in place, recursively. */
    static void preprocess(JsonNode node) {
        if (node instanceof ArrayNode) {
            node.forEach(CrdSchemas::preprocess);
            return;
        }
        if (!(node instanceof ObjectNode)) {
            return;
        }
        ObjectNode schema = (ObjectNode) node;
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            ArrayNode anyOf = NODES.arrayNode();
            anyOf.add(NODES.objectNode().put("type", "integer"));
            anyOf.add(NODES.objectNode().put("type", "string"));
            schema.set("anyOf", anyOf);
        }
        for (Iterator<String> it = schema.propertyNames().iterator(); it.hasNext(); ) {
            if (it.next().startsWith("x-kubernetes-")) {
                it.remove();
            }
        }
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown) {
            schema.put("additionalProperties", false);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.forEach(CrdSchemas::preprocess);
        }
        for (String key : List.of("items", "additionalProperties", "anyOf", "allOf", "oneOf", "not")) {
            JsonNode child = schema.get(key);
            if (child != null) {
                preprocess(child);
            }
        }
    }

    /** batch/v1 Job: a structural envelope around the real core/v1 PodTemplateSpec schema. */
    private static ObjectNode batchJobSchema() {
        ObjectNode podTemplate = (ObjectNode) openApiSchema(crdFile("kubeflow.org/v1", "PyTorchJob"), "kubeflow.org/v1")
                .at("/properties/spec/properties/pytorchReplicaSpecs/additionalProperties/properties/template");
        ObjectNode spec = object("template");
        ObjectNode props = (ObjectNode) spec.get("properties");
        props.set("completions", integer(0));
        props.set("parallelism", integer(0));
        props.set("backoffLimit", integer(0));
        props.set("activeDeadlineSeconds", integer(1));
        props.set("completionMode", NODES.objectNode().put("type", "string")
                .set("enum", NODES.arrayNode().add("NonIndexed").add("Indexed")));
        ObjectNode template = podTemplate.deepCopy();
        // A Job's pods may only use Never or OnFailure (core/v1 validation; the generic pod schema allows any string).
        ((ObjectNode) template.at("/properties/spec/properties")).set("restartPolicy",
                NODES.objectNode().put("type", "string").set("enum", NODES.arrayNode().add("Never").add("OnFailure")));
        ((ObjectNode) template.at("/properties/spec")).set("required",
                NODES.arrayNode().add("containers").add("restartPolicy"));
        props.set("template", template);
        spec.put("additionalProperties", false);
        return envelope("batch/v1", "Job", spec);
    }

    private static ObjectNode configMapSchema() {
        ObjectNode root = envelope("v1", "ConfigMap", null);
        ObjectNode props = (ObjectNode) root.get("properties");
        ObjectNode stringMap = NODES.objectNode().put("type", "object");
        stringMap.set("additionalProperties", NODES.objectNode().put("type", "string"));
        props.set("data", stringMap);
        props.set("binaryData", stringMap.deepCopy());
        root.set("required", NODES.arrayNode().add("apiVersion").add("kind").add("metadata"));
        return root;
    }

    private static ObjectNode envelope(String apiVersion, String kind, ObjectNode spec) {
        ObjectNode root = object("apiVersion", "kind", "metadata", "spec");
        ObjectNode props = (ObjectNode) root.get("properties");
        props.set("apiVersion", NODES.objectNode().put("type", "string")
                .set("enum", NODES.arrayNode().add(apiVersion)));
        props.set("kind", NODES.objectNode().put("type", "string").set("enum", NODES.arrayNode().add(kind)));
        ObjectNode metadata = object("name", "namespace");
        ObjectNode mprops = (ObjectNode) metadata.get("properties");
        mprops.set("name", NODES.objectNode().put("type", "string"));
        mprops.set("namespace", NODES.objectNode().put("type", "string"));
        ObjectNode labels = NODES.objectNode().put("type", "object");
        labels.set("additionalProperties", NODES.objectNode().put("type", "string"));
        mprops.set("labels", labels);
        mprops.set("annotations", labels.deepCopy());
        props.set("metadata", metadata);
        if (spec != null) {
            props.set("spec", spec);
        }
        root.put("additionalProperties", false);
        return root;
    }

    private static ObjectNode object(String... required) {
        ObjectNode o = NODES.objectNode().put("type", "object");
        ArrayNode req = NODES.arrayNode();
        for (String r : required) {
            req.add(r);
        }
        o.set("required", req);
        o.set("properties", NODES.objectNode());
        return o;
    }

    private static ObjectNode integer(int minimum) {
        return NODES.objectNode().put("type", "integer").put("minimum", minimum);
    }
}
