#!/usr/bin/env python3
"""Time-to-accuracy benchmark on scikit-learn's bundled digits dataset (offline, 1797 8x8 images, 10 classes).

A small MLP (or --model cnn, a two-layer CNN) is trained data-parallel with DistributedDataParallel until the
held-out accuracy reaches --target-accuracy (a success, as MLPerf counts time-to-train) or --max-epochs pass
(aborted). Needs only torch and scikit-learn; the data ships with scikit-learn, so no download.

Distributed setup comes from the environment, as in resnet_ddp.py: PyTorchJob / torchrun (MASTER_ADDR,
MASTER_PORT, WORLD_SIZE, RANK), TrainJob's torch runtime (PET_MASTER_ADDR, PET_MASTER_PORT, PET_NNODES,
PET_NODE_RANK), or a single process. Backend gloo (nccl on CUDA). Each rank trains on its shard of the training set;
every rank evaluates the same full held-out set, so all ranks take the same stop decision.

MLLOG lines (rank 0 only): init_start, submission_*, seed, global_batch_size, train_samples, eval_samples,
opt_*, init_stop, run_start, then per epoch block_start/epoch_start (epoch_num, samples_count), epoch_stop,
tracked_stats (value.throughput in samples/s for the epoch's training, metadata.step = epoch number),
eval_start, eval_accuracy (value in [0, 1], metadata.epoch_num), eval_stop, block_stop, and finally run_stop with
metadata.status "success" (target reached) or "aborted" (max epochs without reaching it). The process exits 0 in
both cases: reaching the target is for the collector to judge, not a crash. Rank 0 also prints
  KUBEBENCH_RESULT {"time_to_train_s": ..., "epochs": ..., "eval_accuracy": ..., "status": ...}
"""
import argparse
import datetime
import inspect
import json
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.nn as nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


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
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


def distributed_settings():
    """(rank, world_size, master_addr, master_port, local_rank) from operator / torchrun variables."""
    world = env_first("WORLD_SIZE", "PET_NNODES")
    world_size = int(world) if world and world.isdigit() else 1
    rank = int(env_first("RANK", "PET_NODE_RANK") or 0)
    addr = env_first("MASTER_ADDR", "PET_MASTER_ADDR") or "127.0.0.1"
    port = env_first("MASTER_PORT", "PET_MASTER_PORT") or "29500"
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    return rank, world_size, addr, port, local_rank


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--target-accuracy", type=float, default=0.95, help="held-out accuracy that ends the run")
    p.add_argument("--max-epochs", type=int, default=50, help="epochs before giving up (run_stop aborted)")
    p.add_argument("--batch-size", type=int, default=32, help="per-replica batch size")
    p.add_argument("--model", choices=["mlp", "cnn"], default="mlp")
    p.add_argument("--hidden", type=int, default=128, help="MLP hidden units / CNN channels")
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--eval-fraction", type=float, default=0.25, help="share of the data held out for eval")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--threads", type=int, default=1, help="torch intra-op threads per replica on CPU")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--dist-timeout-s", type=int, default=300)
    args = p.parse_args(argv)
    if not 0.0 < args.target_accuracy <= 1.0:
        p.error("--target-accuracy must be in (0, 1]")
    if args.max_epochs < 1 or args.batch_size < 1 or args.hidden < 1 or args.threads < 1:
        p.error("--max-epochs, --batch-size, --hidden and --threads must be at least 1")
    if not 0.0 < args.eval_fraction < 1.0:
        p.error("--eval-fraction must be in (0, 1)")
    return args


def build_model(kind, hidden):
    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 10))
    return nn.Sequential(
        nn.Conv2d(1, hidden // 4 or 1, 3, padding=1), nn.ReLU(),
        nn.Conv2d(hidden // 4 or 1, hidden // 2 or 1, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear((hidden // 2 or 1) * 16, 10))


def main(argv=None):
    args = parse_args(argv)
    rank, world_size, addr, port, local_rank = distributed_settings()
    log = MLLogger(rank == 0)
    log.start("init_start")

    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    if use_cuda:
        device = torch.device("cuda", local_rank % max(torch.cuda.device_count(), 1))
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
        torch.set_num_threads(args.threads)
    distributed = world_size > 1
    if distributed:
        os.environ["MASTER_ADDR"] = addr
        os.environ["MASTER_PORT"] = str(port)
        dist.init_process_group("nccl" if use_cuda else "gloo", init_method="env://", rank=rank,
                                world_size=world_size, timeout=datetime.timedelta(seconds=args.dist_timeout_s))

    digits = load_digits()
    x = (digits.data / 16.0).astype("float32")
    y = digits.target
    x_train, x_eval, y_train, y_eval = train_test_split(
        x, y, test_size=args.eval_fraction, random_state=args.seed, stratify=y)
    x_train = torch.from_numpy(x_train)[rank::world_size]
    y_train = torch.from_numpy(y_train)[rank::world_size]
    x_eval = torch.from_numpy(x_eval).to(device)
    y_eval = torch.from_numpy(y_eval).to(device)
    if args.model == "cnn":
        x_train = x_train.view(-1, 1, 8, 8)
        x_eval = x_eval.view(-1, 1, 8, 8)
    x_train = x_train.to(device)
    y_train = y_train.to(device)
    # Every rank runs the same number of steps per epoch (DDP needs matching collectives).
    steps_per_epoch = (len(digits.target) - len(y_eval) + world_size * args.batch_size - 1) // (
        world_size * args.batch_size)
    global_batch = args.batch_size * world_size

    log.event("submission_benchmark", "digits")
    log.event("submission_org", "kubebench")
    log.event("submission_division", "open")
    log.event("submission_status", "onprem")
    log.event("submission_platform", "%dx%s" % (world_size, "cuda" if use_cuda else "cpu"))
    log.event("seed", args.seed)
    log.event("global_batch_size", global_batch)
    log.event("train_samples", len(digits.target) - len(y_eval))
    log.event("eval_samples", len(y_eval))
    log.event("opt_name", "sgd")
    log.event("opt_base_learning_rate", args.lr)
    log.event("target_accuracy", args.target_accuracy)

    torch.manual_seed(args.seed)
    model = build_model(args.model, args.hidden).to(device)
    if distributed:
        model = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if use_cuda else None)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    criterion = nn.CrossEntropyLoss()
    shuffle = torch.Generator().manual_seed(args.seed + rank)
    if distributed:
        dist.barrier()
    log.end("init_stop")

    log.start("run_start")
    run_started = time.perf_counter()
    samples_count = 0
    accuracy = 0.0
    status = "aborted"
    epoch = 0
    for epoch in range(1, args.max_epochs + 1):
        log.start("block_start", metadata={"first_epoch_num": epoch, "epoch_count": 1,
                                           "samples_count": samples_count})
        log.start("epoch_start", metadata={"epoch_num": epoch, "samples_count": samples_count})
        model.train()
        order = torch.randperm(len(y_train), generator=shuffle).to(device)
        epoch_started = time.perf_counter()
        for step in range(steps_per_epoch):
            idx = order[(step * args.batch_size) % len(order):][:args.batch_size]
            if len(idx) == 0:
                idx = order[:args.batch_size]
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
        epoch_s = time.perf_counter() - epoch_started
        samples_count += steps_per_epoch * global_batch
        log.end("epoch_stop", metadata={"epoch_num": epoch, "samples_count": samples_count})
        log.event("tracked_stats", {"throughput": steps_per_epoch * global_batch / epoch_s},
                  metadata={"step": epoch})

        log.start("eval_start", metadata={"epoch_num": epoch})
        model.eval()
        with torch.no_grad():
            accuracy = (model(x_eval).argmax(dim=1) == y_eval).float().mean().item()
        log.end("eval_stop", metadata={"epoch_num": epoch})
        log.event("eval_accuracy", accuracy, metadata={"epoch_num": epoch, "samples_count": samples_count})
        log.end("block_stop", metadata={"first_epoch_num": epoch, "samples_count": samples_count})
        reached = torch.tensor([1.0 if accuracy >= args.target_accuracy else 0.0])
        if distributed:
            dist.broadcast(reached, src=0)  # rank 0's decision rules, so no rank waits on a collective alone
        if reached.item() == 1.0:
            status = "success"
            break
    log.end("run_stop", metadata={"status": status, "epoch_num": epoch})

    if rank == 0:
        print("KUBEBENCH_RESULT " + json.dumps({
            "time_to_train_s": round(time.perf_counter() - run_started, 3), "epochs": epoch,
            "eval_accuracy": round(accuracy, 5), "target_accuracy": args.target_accuracy, "status": status,
            "world_size": world_size}), flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
