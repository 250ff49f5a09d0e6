package dev.kubebench.runner.render;

/**
 * How a replica's pod is shaped from the job spec. Most replicas get everything; MPI launchers and workers split the
 * job between them, because the launcher only runs {@code mpirun} and the workers host the ranks.
 */
enum ReplicaShape {
    /** Command, args, resources (GPUs included) and full node-pool placement. */
    FULL(true, true, true),
    /**
     * MPI launcher: the command and args ({@code mpirun ...}), but no resources and no node selector or affinity: the
     * operators blank {@code NVIDIA_VISIBLE_DEVICES} on a launcher that requests no GPU, so it belongs on a CPU node.
     * Tolerations stay, so it can still land on a cluster whose nodes are all tainted GPU nodes.
     */
    MPI_LAUNCHER(true, false, false),
    /**
     * MPI worker: resources and placement, but no command (the operator's default, {@code sshd} for v2beta1 and
     * {@code sleep} for v1, keeps the pod up while the launcher starts ranks in it).
     */
    MPI_WORKER(false, true, true);

    private final boolean command;
    private final boolean resources;
    private final boolean placement;

    ReplicaShape(boolean command, boolean resources, boolean placement) {
        this.command = command;
        this.resources = resources;
        this.placement = placement;
    }

    /** Whether the replica runs the job's command and args. */
    boolean command() {
        return command;
    }

    /** Whether the replica gets the job's cpu, memory and GPU resources. */
    boolean resources() {
        return resources;
    }

    /** Whether the replica gets the node pool's node selector and affinity (tolerations always apply). */
    boolean placement() {
        return placement;
    }
}
