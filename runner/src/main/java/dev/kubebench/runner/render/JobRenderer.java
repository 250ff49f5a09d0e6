package dev.kubebench.runner.render;

import dev.kubebench.catalog.spec.JobSpec;
import java.util.Map;

/** Renders the job object of one trial for one family of job kinds. */
sealed interface JobRenderer permits KubeflowJobRenderer, TrainJobRenderer, BatchJobRenderer {

    /** The job object: apiVersion, kind, metadata, spec. */
    Map<String, Object> render(RenderContext ctx);

    /** The renderer for a job's kind (and, for MPIJob, its apiVersion). */
    static JobRenderer forJob(JobSpec job) {
        switch (job.kind()) {
            case TRAIN_JOB:
                return new TrainJobRenderer();
            case JOB:
                return new BatchJobRenderer();
            default:
                return new KubeflowJobRenderer();
        }
    }
}
