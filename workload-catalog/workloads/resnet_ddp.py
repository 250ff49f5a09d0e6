#!/usr/bin/env python3
"""ResNet-50 v1.5 throughput benchmark, data-parallel with DistributedDataParallel, on synthetic data.

The model is torchvision's resnet50 (the v1.5 variant: stride 2 in the 3x3 convolution of each downsampling
bottleneck), trained with SGD + momentum on random images held in device memory, so only compute and the gradient
all-reduce are measured (no input pipeline). It needs only torch and torchvision.

Distributed setup comes from the environment, so the file runs unchanged
  * as PyTorchJob replicas (MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK from the training operator),
  * under torchrun (the same variables plus LOCAL_RANK),
  * as a TrainJob torch-runtime node without torchrun (PET_MASTER_ADDR, PET_MASTER_PORT, PET_NNODES, PET_NODE_RANK),
  * or alone (world size 1, no process group).
Backend: nccl when running on CUDA, gloo otherwise.

Logging: MLPerf MLLOG lines (mlperf_logging format) from global rank 0 only:
  init_start, submission_*, seed, global_batch_size, train_samples, opt_*, init_stop  (warm-up steps run inside
  init, as the MLPerf reference implementations do, so they are not part of the measured run),
  run_start, block_start/epoch_start (metadata samples_count, first_epoch_num/epoch_num),
  step_time_ms (POINT_IN_TIME, value = wall time of one measured training step in milliseconds, metadata.step =
  1-based global step), tracked_stats (value.throughput in samples/s over the last --log-interval steps,
  metadata.step), epoch_stop/block_stop (metadata samples_count), run_stop (metadata.status success|aborted).
At the end rank 0 prints one plain line for scripts:
  KUBEBENCH_RESULT {"throughput_samples_per_s": ..., "measured_steps": ..., "global_batch_size": ..., ...}
"""
import argparse
import inspect
import json
import os
import random
import sys
import time

import torch
import torch.distributed as dist
import torch.nn as nn
import torchvision


class MLLogger:
    """Prints ':::MLLOG {...}' lines exactly as mlperf_logging does, only on global rank 0."""

    def __init__(self, enabled):
        self.enabled = enabled

    def _emit(self, event_type, key, value, metadata):
        if not self.enabled:
            return
        caller = inspect.currentframe().f_back.f_back
        meta = {"file": os.path.basename(caller.f_code.co_filename), "lineno": caller.f_lineno}
        meta.update(metadata or {})
        record = {"namespace": "", "time_ms": int(time.time() * 1000), "event_type": event_type,
                  "key": key, "value": value, "metadata": meta}
        print(":::MLLOG " + json.dumps(record), flush=True)

    def start(self, key, value=None, metadata=None):
        self._emit("INTERVAL_START", key, value, metadata)

    def end(self, key, value=None, metadata=None):
        self._emit("INTERVAL_END", key, value, metadata)

    def event(self, key, value=None, metadata=None):
        self._emit("POINT_IN_TIME", key, value, metadata)


def env_first(*names):
    """The first of the variables that is set to a non-empty value, else None."""
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


def distributed_settings():
    """(rank, world_size, master_addr, master_port, local_rank) from operator / torchrun variables."""
    world = env_first("WORLD_SIZE", "PET_NNODES")
    # Elastic PyTorchJobs set PET_NNODES to "min:max"; that only makes sense under torchrun, which sets WORLD_SIZE.
    world_size = int(world) if world and world.isdigit() else 1
    rank = int(env_first("RANK", "PET_NODE_RANK") or 0)
    addr = env_first("MASTER_ADDR", "PET_MASTER_ADDR") or "127.0.0.1"
    port = env_first("MASTER_PORT", "PET_MASTER_PORT") or "29500"
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    return rank, world_size, addr, port, local_rank


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--image-size", type=int, default=64, help="square input size in pixels (224 for ImageNet)")
    p.add_argument("--batch-size", type=int, default=8, help="per-replica batch size")
    p.add_argument("--steps", type=int, default=20, help="measured training steps")
    p.add_argument("--warmup-steps", type=int, default=2, help="unmeasured steps run during init")
    p.add_argument("--steps-per-epoch", type=int, default=0, help="steps per logged epoch; 0 = one epoch")
    p.add_argument("--log-interval", type=int, default=1, help="steps between tracked_stats lines")
    p.add_argument("--num-classes", type=int, default=1000)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--threads", type=int, default=1, help="torch intra-op threads per replica on CPU")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--channels-last", action="store_true", help="use channels_last memory format")
    p.add_argument("--amp", action="store_true", help="bfloat16/float16 autocast on CUDA")
    p.add_argument("--dist-timeout-s", type=int, default=300, help="process group init/collective timeout")
    p.add_argument("--platform", default=None, help="submission_platform value (default: derived)")
    args = p.parse_args(argv)
    for name in ("image_size", "batch_size", "steps", "log_interval", "num_classes", "threads"):
        if getattr(args, name) < 1:
            p.error("--%s must be at least 1" % name.replace("_", "-"))
    if args.warmup_steps < 0 or args.steps_per_epoch < 0:
        p.error("--warmup-steps and --steps-per-epoch must not be negative")
    return args


def main(argv=None):
    args = parse_args(argv)
    rank, world_size, addr, port, local_rank = distributed_settings()
    log = MLLogger(rank == 0)
    log.start("init_start")

    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    if use_cuda:
        device = torch.device("cuda", local_rank % max(torch.cuda.device_count(), 1))
        torch.cuda.set_device(device)
        torch.backends.cudnn.benchmark = True
    else:
        device = torch.device("cpu")
        torch.set_num_threads(args.threads)

    distributed = world_size > 1
    if distributed:
        os.environ["MASTER_ADDR"] = addr
        os.environ["MASTER_PORT"] = str(port)
        import datetime
        dist.init_process_group("nccl" if use_cuda else "gloo", init_method="env://", rank=rank,
                                world_size=world_size, timeout=datetime.timedelta(seconds=args.dist_timeout_s))

    global_batch = args.batch_size * world_size
    platform = args.platform or "%dx%s" % (world_size, torch.cuda.get_device_name(device) if use_cuda else "cpu")
    log.event("submission_benchmark", "resnet")
    log.event("submission_org", "kubebench")
    log.event("submission_division", "open")
    log.event("submission_status", "onprem")
    log.event("submission_platform", platform)
    log.event("seed", args.seed)
    log.event("global_batch_size", global_batch)
    log.event("train_samples", global_batch * args.steps)
    log.event("opt_name", "sgd")
    log.event("opt_base_learning_rate", args.lr)
    log.event("image_size", args.image_size)
    log.event("world_size", world_size)

    random.seed(args.seed + rank)
    torch.manual_seed(args.seed)  # same initial weights on every rank (DDP broadcasts rank 0's anyway)
    model = torchvision.models.resnet50(weights=None, num_classes=args.num_classes).to(device)
    memory_format = torch.channels_last if args.channels_last else torch.contiguous_format
    model = model.to(memory_format=memory_format)
    if distributed:
        model = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if use_cuda else None)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-5)
    criterion = nn.CrossEntropyLoss()

    generator = torch.Generator().manual_seed(args.seed + rank)
    images = torch.randn(args.batch_size, 3, args.image_size, args.image_size, generator=generator)
    images = images.to(device).contiguous(memory_format=memory_format)
    labels = torch.randint(0, args.num_classes, (args.batch_size,), generator=generator).to(device)
    amp_dtype = torch.bfloat16 if use_cuda and torch.cuda.is_bf16_supported() else torch.float16

    def train_step():
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", dtype=amp_dtype, enabled=args.amp and use_cuda):
            loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        if use_cuda:
            torch.cuda.synchronize(device)
        return loss

    model.train()
    for _ in range(args.warmup_steps):
        train_step()
    if distributed:
        dist.barrier()
    log.end("init_stop")

    log.start("run_start")
    steps_per_epoch = args.steps_per_epoch or args.steps
    epochs = (args.steps + steps_per_epoch - 1) // steps_per_epoch
    step = 0
    step_times = []
    interval_start = time.perf_counter()
    interval_steps = 0
    status = "success"
    loss = None
    try:
        for epoch in range(1, epochs + 1):
            samples_count = step * global_batch
            log.start("block_start", metadata={"first_epoch_num": epoch, "epoch_count": 1,
                                               "samples_count": samples_count})
            log.start("epoch_start", metadata={"epoch_num": epoch, "samples_count": samples_count})
            for _ in range(min(steps_per_epoch, args.steps - step)):
                started = time.perf_counter()
                loss = train_step()
                elapsed = time.perf_counter() - started
                step += 1
                interval_steps += 1
                step_times.append(elapsed)
                log.event("step_time_ms", round(elapsed * 1000.0, 3), metadata={"step": step})
                if interval_steps == args.log_interval or step == args.steps:
                    now = time.perf_counter()
                    throughput = interval_steps * global_batch / (now - interval_start)
                    log.event("tracked_stats", {"throughput": throughput}, metadata={"step": step})
                    interval_start = now
                    interval_steps = 0
            samples_count = step * global_batch
            log.end("epoch_stop", metadata={"epoch_num": epoch, "samples_count": samples_count})
            log.end("block_stop", metadata={"first_epoch_num": epoch, "samples_count": samples_count})
        if loss is not None and not torch.isfinite(loss.detach()).item():
            status = "aborted"
    except BaseException:
        status = "aborted"
        log.end("run_stop", metadata={"status": status})
        raise
    log.end("run_stop", metadata={"status": status})

    if rank == 0 and step_times:
        total_s = sum(step_times)
        ordered = sorted(step_times)
        result = {
            "throughput_samples_per_s": round(len(step_times) * global_batch / total_s, 3),
            "measured_steps": len(step_times),
            "global_batch_size": global_batch,
            "world_size": world_size,
            "step_time_p50_ms": round(ordered[len(ordered) // 2] * 1000.0, 3),
            "image_size": args.image_size,
            "device": str(device),
        }
        print("KUBEBENCH_RESULT " + json.dumps(result), flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()
    return 0 if status == "success" else 1


if __name__ == "__main__":
    sys.exit(main())
