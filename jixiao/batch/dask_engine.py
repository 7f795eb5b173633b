"""The Dask engine: the same per-file work (``process_file``) on a Dask distributed cluster.

Part of the batch runner, an alternative to :mod:`jixiao.batch.pool` behind the same interface: tasks
in, ``(task, FileResult)`` out as files finish. ``--scheduler ADDRESS`` connects to a running cluster
(its workers must see the input paths, e.g. on a shared file system); without one a LocalCluster of
``--workers`` single-threaded processes is started for the run. Results come back to this process,
which stores them (workers need no access to OUTDIR). One task per worker thread is in flight, so
memory on both sides stays bounded however many files there are, and a file that kills its worker
does not take files queued behind it down with it (Dask blames every task on a dying worker).

A worker that dies on a file is retried by Dask on another worker and, after Dask's
``allowed-failures``, the file is reported ``failed``. On our own LocalCluster a worker that did not come
back is started again: under load a nanny can take longer to restart its worker than the cluster's
``lost-worker-timeout`` (15 s), and the cluster then closes that nanny for good, leaving no worker for
the files queued behind (seen on a loaded machine; ``test_dask_lost_worker_is_started_again``). ``--timeout`` is enforced here, on the client:
the file is reported ``failed`` and its task released, but Dask cannot interrupt a running task, so a
truly hung file keeps its worker thread busy (use the local engine for hostile inputs).
Dask is an optional extra: ``pip install 'jixiao[dask]'``.
"""
from __future__ import annotations

import time
import uuid
from typing import Iterable, Iterator, Optional

from jixiao.batch.pool import Task
from jixiao.batch.worker import WorkerConfig, failed_result
from jixiao.extract import ReadOptions
from jixiao.pipeline import FileResult, process_file


class DaskMissing(RuntimeError):
    """Dask distributed is not installed."""


def _process(path: str, source: str, options: ReadOptions, debug: bool, test_hooks: tuple = ()) -> FileResult:
    from pathlib import Path

    if test_hooks:  # test-only (see jixiao.batch.worker): crash or hang on a named file
        from jixiao.batch.worker import _apply_test_hooks

        _apply_test_hooks(dict(test_hooks), Path(path))
    return process_file(Path(path), source, options, debug=debug)


def connect(scheduler: Optional[str], workers: int, debug: bool = False):
    """A (client, cluster-or-None) pair; the cluster is ours to close."""
    import logging

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing("--engine dask needs Dask distributed, which is not installed: "
                          "pip install 'jixiao[dask]'") from None
    if scheduler:
        return Client(scheduler, timeout="30s"), None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.WARNING if debug else logging.CRITICAL)
    return Client(cluster), cluster


def run_dask(tasks: Iterable[Task], workers: int, options: ReadOptions, debug: bool,
             timeout: Optional[float] = None, scheduler: Optional[str] = None,
             client=None) -> Iterator[tuple[Task, FileResult]]:
    """Run every task on Dask; yield (task, result) as files finish. Never raises for a file."""
    own_client = client is None
    cluster = None
    if own_client:
        client, cluster = connect(scheduler, workers, debug)
    try:
        threads = sum(client.nthreads().values()) or max(1, workers)
        window = max(1, threads)  # one file per worker thread: a file that kills its worker takes no other down
        pending: dict = {}  # future -> (task, submitted at)
        task_iter = iter(tasks)
        run_id = uuid.uuid4().hex[:12]
        hooks = WorkerConfig.from_environment(options, debug, None).test_hooks
        exhausted = False
        idle_since: Optional[float] = None
        while True:
            while not exhausted and len(pending) < window:
                task = next(task_iter, None)
                if task is None:
                    exhausted = True
                    break
                future = client.submit(_process, str(task.path), task.source, options, debug, hooks,
                                       key=f"jixiao-{run_id}-{task.index}", pure=False)
                pending[future] = (task, time.monotonic())
            if not pending:
                break
            wait_for = WATCH_SECONDS
            if timeout:
                wait_for = min(wait_for, max(0.05, min(t0 for _, t0 in pending.values()) + timeout - time.monotonic()))
            done, _ = _wait_some(list(pending), wait_for)
            now = time.monotonic()
            if not done and not _has_workers(client):
                # every worker died and none came back: our own cluster starts its workers again;
                # on a cluster that is not ours waiting would never end, so the queued files fail
                idle_since = idle_since or now
                if cluster is not None and now - idle_since >= REVIVE_SECONDS:
                    cluster.scale(max(1, workers))  # starts the workers its spec has and it lost
                if now - idle_since >= NO_WORKERS_SECONDS:
                    for future, (task, t0) in list(pending.items()):
                        pending.pop(future)
                        future.release()
                        yield task, failed_result(task.path, task.source, "no Dask worker was left to run this file",
                                                  task.sha256, now - t0)
                    exhausted = True
                    continue
            else:
                idle_since = None
            for future in list(done):
                task, t0 = pending.pop(future)
                yield task, _outcome(task, future, now - t0)
            if timeout:
                for future, (task, t0) in list(pending.items()):
                    if now - t0 >= timeout:
                        pending.pop(future)
                        future.release()
                        error = (f"stopped after the {timeout:g} s per-file time limit (--timeout); "
                                 "the file may be very large or malformed")
                        yield task, failed_result(task.path, task.source, error, task.sha256, now - t0)
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()


WATCH_SECONDS = 5.0  # how often a wait wakes to check that workers are still there
REVIVE_SECONDS = 10.0  # how long our own cluster may have no worker before it starts them again
NO_WORKERS_SECONDS = 120.0  # how long a cluster may have no worker before queued files fail


def _has_workers(client) -> bool:
    try:
        return bool(client.nthreads())
    except Exception:
        return False


def _wait_some(futures, seconds: Optional[float]):
    from distributed import wait

    try:
        return wait(futures, timeout=seconds, return_when="FIRST_COMPLETED")
    except TimeoutError:
        return set(), set(futures)


def _outcome(task: Task, future, seconds: float) -> FileResult:
    try:
        return future.result()
    except Exception as e:
        name = type(e).__name__
        if name == "KilledWorker":
            error = "the Dask workers running this file kept dying (crash or out of memory)"
        else:
            first = str(e).splitlines()[0] if str(e) else ""
            error = f"the Dask task failed ({name}: {first})"[:500]
        return failed_result(task.path, task.source, error, task.sha256, seconds)
