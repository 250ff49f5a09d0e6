package dev.kubebench.runner.render;

import dev.kubebench.catalog.plan.Trial;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What kubebench would create for one trial, in creation order: the shipped-files ConfigMap (when the job ships files)
 * and then the job object. Each object is a plain ordered tree ({@code Map}/{@code List}/scalars) that Jackson writes
 * as YAML or JSON and fabric8 reads as a {@code GenericKubernetesResource}.
 *
 * @param trial   the trial rendered
 * @param jobName the job object's {@code metadata.name}
 * @param objects the objects in creation order; the job is last
 */
public record RenderedTrial(Trial trial, String jobName, List<Map<String, Object>> objects) {
    public RenderedTrial {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(jobName, "jobName");
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("a rendered trial holds at least the job");
        }
        objects = objects.stream().map(Collections::unmodifiableMap).toList();
    }

    /** The job object (PyTorchJob, TrainJob, Job, ...): the last object. */
    public Map<String, Object> job() {
        return objects.get(objects.size() - 1);
    }

    /** Every object before the job (the files ConfigMap, when present). */
    public List<Map<String, Object>> supportingObjects() {
        return objects.subList(0, objects.size() - 1);
    }
}
