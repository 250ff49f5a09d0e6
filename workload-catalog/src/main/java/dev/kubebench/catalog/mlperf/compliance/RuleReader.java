package dev.kubebench.catalog.mlperf.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Binds one rule of {@code compliance.yaml} to records; an unknown check is an error, never skipped. */
final class RuleReader {
    private RuleReader() {
    }

    static KeyRule rule(JsonNode n) {
        String key = n.required("key").asString();
        Occurrence occurrence = n.has("req") ? Occurrence.parse(n.get("req").asString()) : null;
        List<Check> checks = new ArrayList<>();
        if (n.has("checks")) {
            for (JsonNode c : n.get("checks")) {
                checks.add(check(key, c));
            }
        }
        TargetRule target = n.has("target") ? target(n.get("target")) : null;
        String include = n.has("include") ? n.get("include").asString() : null;
        JsonNode agg = n.get("aggregate");
        return new KeyRule(key, occurrence, checks, target, include,
                agg == null ? null : agg.required("key").asString(), agg == null ? null : agg.required("by").asString());
    }

    private static Check check(String key, JsonNode c) {
        if (c.has("value")) {
            return new Check.ValueIs(Comparison.parse(c.get("value").asString()));
        }
        if (c.has("valueIn")) {
            List<Object> allowed = new ArrayList<>();
            c.get("valueIn").forEach(v -> allowed.add(scalar(v)));
            return new Check.ValueIn(allowed);
        }
        if (c.has("anyOf")) {
            List<Check> alts = new ArrayList<>();
            c.get("anyOf").forEach(a -> alts.add(check(key, a)));
            return new Check.AnyOf(alts);
        }
        if (c.has("multipleOf")) {
            return new Check.MultipleOf(c.get("multipleOf").asDouble());
        }
        if (c.has("powerOfTwoMultipleOf")) {
            return new Check.PowerOfTwoMultipleOf(c.get("powerOfTwoMultipleOf").asDouble());
        }
        if (c.has("wholeNumber")) {
            return new Check.WholeNumber();
        }
        if (c.has("metadataHas")) {
            return new Check.MetadataHas(c.get("metadataHas").asString());
        }
        if (c.has("metadataHasAny")) {
            List<String> members = new ArrayList<>();
            c.get("metadataHasAny").forEach(m -> members.add(m.asString()));
            return new Check.MetadataHasAny(members);
        }
        if (c.has("ifMetadataHas")) {
            return new Check.IfMetadataHas(c.get("ifMetadataHas").asString(), check(key, c.required("then")));
        }
        if (c.has("metadata")) {
            return new Check.MetadataIs(c.get("metadata").asString(), Comparison.parse(c.required("test").asString()));
        }
        if (c.has("valueHas")) {
            return new Check.ValueHas(c.get("valueHas").asString());
        }
        if (c.has("after")) {
            return new Check.After(c.get("after").asString());
        }
        if (c.has("notAfter")) {
            return new Check.NotAfter(c.get("notAfter").asString());
        }
        if (c.has("initWithinMinutes")) {
            Map<String, Double> minutes = new LinkedHashMap<>();
            c.get("initWithinMinutes").properties().forEach(e -> minutes.put(e.getKey(), e.getValue().asDouble()));
            // the rules give the open division its own limit and every other division the closed one
            return new Check.InitWithinMinutes(minutes, minutes.getOrDefault("closed", 0.0));
        }
        throw new IllegalStateException("compliance.yaml: " + key + ": unknown check " + c);
    }

    private static TargetRule target(JsonNode t) {
        List<Comparison> value = new ArrayList<>();
        Map<String, List<Comparison>> members = new LinkedHashMap<>();
        if (t.has("value")) {
            t.get("value").forEach(c -> value.add(Comparison.parse(c.asString())));
        }
        if (t.has("members")) {
            t.get("members").properties().forEach(e -> {
                List<Comparison> cs = new ArrayList<>();
                e.getValue().forEach(c -> cs.add(Comparison.parse(c.asString())));
                members.put(e.getKey(), cs);
            });
        }
        return new TargetRule(value, members);
    }

    private static Object scalar(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.asString();
    }
}
