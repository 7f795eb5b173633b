"""The local engine's supervisor: N worker processes, crashes and hangs contained to their file.

Part of the batch runner, between the task list (:mod:`jixiao.batch.run`) and the worker processes
(:mod:`jixiao.batch.worker`). Each worker has its own pipe and works through the (at most two) files
sent to it in order, so when a worker dies or overruns ``--timeout`` the supervisor knows the file:
it reports that file ``failed`` with a one-line reason, kills what is left of the worker, hands the
file queued behind it to a fresh worker, and the rest of the batch goes on.
(``concurrent.futures.ProcessPoolExecutor`` cannot do this: one dead worker breaks the whole pool.)

On Linux workers come from a ``forkserver`` that has already imported the pipeline (pandas, the
readers, the parsers), so starting or replacing a worker costs milliseconds, and no worker inherits
the parent's threads (the progress bar's) or state. Elsewhere the portable ``spawn`` start is used.
Results are yielded in completion order; the caller puts them back in input order.
"""
from __future__ import annotations

import multiprocessing
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterable, Iterator, Optional

from jixiao.batch.worker import WorkerConfig, failed_result, worker_main
from jixiao.pipeline import FileResult

# imported once in the forkserver, shared copy-on-write by every worker forked from it
PRELOAD = ["jixiao.batch.worker", "jixiao.dataset.rows", "jixiao.parsers", "jixiao.extract.sniff",
           "jixiao.extract.text", "jixiao.extract.docx", "jixiao.extract.xlsx", "jixiao.extract.html",
           "jixiao.extract.pdf", "jixiao.dataset.preload"]
QUEUE_DEPTH = 2  # tasks sent ahead to each worker


@dataclass(frozen=True)
class Task:
    """One file to process: its position in the input order, where it is, and its cache key."""

    index: int
    path: Path
    source: str
    key: Optional[str] = None
    sha256: Optional[str] = None


@dataclass
class PoolStats:
    """What the supervisor saw: the largest peak resident memory of any worker, workers started, and
    the CPU time of the workers (as last reported by each; a killed worker's last file is not counted)."""

    peak_rss_kb: int = 0
    workers_started: int = 0
    cpu_by_worker: dict = field(default_factory=dict)

    def note(self, slot_id: int, message) -> None:
        if len(message) > 3 and message[3]:
            self.peak_rss_kb = max(self.peak_rss_kb, int(message[3]))
        if len(message) > 4 and message[4] is not None:
            self.cpu_by_worker[slot_id] = float(message[4])

    @property
    def worker_cpu_seconds(self) -> float:
        return sum(self.cpu_by_worker.values())


@dataclass
class _Slot:
    """One worker process and the tasks sent to it, oldest (the one it is working on) first."""

    process: multiprocessing.process.BaseProcess
    conn: object
    queue: deque = field(default_factory=deque)
    started: float = 0.0  # when the head of the queue started (the previous result came back)


@dataclass
class _Feed:
    """The task iterator, with tasks taken back from a dead worker served first, in order."""

    tasks: Iterator[Task]
    exhausted: bool = False
    returned: deque = field(default_factory=deque)

    def next(self) -> Optional[Task]:
        if self.returned:
            return self.returned.popleft()
        if self.exhausted:
            return None
        task = next(self.tasks, None)
        if task is None:
            self.exhausted = True
        return task

    def give_back(self, tasks) -> None:
        self.returned.extendleft(reversed(list(tasks)))

    @property
    def empty(self) -> bool:
        return self.exhausted and not self.returned


_extra_preload: list[str] = []


def mp_context():
    """``forkserver`` (with the pipeline preloaded) on Linux, ``spawn`` elsewhere."""
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD + _extra_preload)
        return ctx
    return multiprocessing.get_context("spawn")


def warm_up(extra_preload: Iterable[str] = ()) -> None:
    """Start the forkserver now, so its imports overlap with discovery and hashing in this process.
    ``extra_preload``: more modules its children will need (a long-running caller such as
    ``jixiao serve``); only counts when it is the call that starts the forkserver."""
    _extra_preload.extend(m for m in extra_preload if m not in _extra_preload)
    ctx = mp_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        try:
            forkserver.ensure_running()
        except OSError:
            pass  # the first worker start will try again and report


def run_supervised(tasks: Iterable[Task], workers: int, config: WorkerConfig,
                   timeout: Optional[float] = None,
                   stats: Optional[PoolStats] = None) -> Iterator[tuple[Task, FileResult]]:
    """Run every task in a worker process; yield (task, result) as files finish. Never raises for a file.

    Each worker is sent up to :data:`QUEUE_DEPTH` tasks, so it starts the next file while this
    process stores the last result; it works through them in order, so the oldest task sent is the
    one it is on. When it dies or overruns ``timeout`` that task fails and the others go back to the feed.
    """
    ctx = mp_context()
    stats = stats if stats is not None else PoolStats()
    feed = _Feed(iter(tasks))
    slots: list[_Slot] = []
    workers = max(1, int(workers))

    def start() -> _Slot:
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        process = ctx.Process(target=worker_main, args=(child_conn, config), daemon=True, name="jixiao-worker")
        process.start()
        child_conn.close()
        stats.workers_started += 1
        return _Slot(process=process, conn=parent_conn)

    def fill(slot: _Slot) -> None:
        while len(slot.queue) < QUEUE_DEPTH:
            task = feed.next()
            if task is None:
                return
            try:
                slot.conn.send((task.index, str(task.path), task.source))
            except (BrokenPipeError, OSError):  # the worker is gone: its tasks go back, a new one starts
                feed.give_back([*slot.queue, task])
                replace(slot)
                continue
            if not slot.queue:
                slot.started = time.monotonic()
            slot.queue.append(task)

    def replace(slot: _Slot) -> None:
        _stop(slot, kill=True)
        fresh = start()
        slot.process, slot.conn, slot.queue = fresh.process, fresh.conn, deque()

    def fail_head(slot: _Slot, error: str, now: float) -> tuple[Task, FileResult]:
        """The worker is lost: its current task fails, the ones queued behind it go back to the feed."""
        task = slot.queue.popleft()
        feed.give_back(slot.queue)
        replace(slot)
        return task, failed_result(task.path, task.source, error, task.sha256, now - slot.started)

    def answered(slot: _Slot, message, now: float) -> tuple[Task, FileResult]:
        done = _take(slot, message, stats, now)
        if len(message) > 5 and message[5]:  # the worker retires: its queued tasks go to its successor
            feed.give_back(slot.queue)
            slot.queue.clear()
            slot.process.join(2)
            replace(slot)
        return done

    try:
        while True:
            for slot in slots:
                fill(slot)
            while len(slots) < workers:  # start a worker only for a task that exists
                task = feed.next()
                if task is None:
                    break
                feed.give_back([task])
                slot = start()
                slots.append(slot)
                fill(slot)
            busy = [s for s in slots if s.queue]
            if not busy:
                if feed.empty:
                    break
                continue
            wait_for = None
            if timeout:
                wait_for = max(0.0, min(s.started + timeout for s in busy) - time.monotonic())
            ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout=wait_for))
            now = time.monotonic()
            for slot in busy:
                if slot.conn in ready or slot.process.sentinel in ready:
                    got_any = False
                    while slot.queue and (message := _receive(slot)) is not None:
                        yield answered(slot, message, time.monotonic())
                        got_any = True
                    if slot.process.is_alive() and (got_any or not slot.queue):
                        continue
                    if not slot.queue:  # gone, but owed nothing: just replace it
                        replace(slot)
                        continue
                    slot.process.join(1)  # the pipe closed or the process ended: the worker is gone
                    yield fail_head(slot, _death_reason(slot.process.exitcode), now)
                    continue
                if slot.queue and timeout and now - slot.started >= timeout:
                    message = _receive(slot)  # it may have finished just after the wait
                    if message is not None:
                        yield answered(slot, message, now)
                        continue
                    yield fail_head(slot, f"stopped after the {timeout:g} s per-file time limit (--timeout); "
                                          "the file may be very large or malformed", now)
    finally:
        for slot in slots:
            _stop(slot, kill=bool(slot.queue))


def _take(slot: _Slot, message, stats: PoolStats, now: float) -> tuple[Task, FileResult]:
    """A worker answered: its oldest task is done and the next one in its queue has started."""
    task = slot.queue.popleft()
    if message[1] != task.index:  # cannot happen with an in-order worker; fail loudly rather than mislabel
        raise RuntimeError(f"worker answered task {message[1]} while working on {task.index}")
    stats.note(slot.process.pid, message)
    seconds = now - slot.started
    slot.started = now
    return task, _result_of(task, message, seconds)


def _receive(slot: _Slot):
    try:
        if slot.conn.poll():
            return slot.conn.recv()
    except (EOFError, OSError):
        return None
    except Exception:  # an unpicklable or torn message: treat like a dead worker
        return None
    return None


def _result_of(task: Task, message, seconds: float) -> FileResult:
    kind, payload = message[0], message[2]
    if kind == "done":
        return payload
    return failed_result(task.path, task.source, str(payload), task.sha256, seconds)


def _death_reason(exitcode: Optional[int]) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if name == "SIGKILL":
            return "the worker process was killed (SIGKILL) while reading this file, probably for using too much memory"
        return f"the worker process crashed ({name}) while reading this file"
    return f"the worker process exited unexpectedly (exit code {exitcode}) while reading this file"


def _stop(slot: _Slot, kill: bool) -> None:
    process = slot.process
    try:
        if not kill and process.is_alive():
            try:
                slot.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            process.join(2)
        if process.is_alive():
            process.kill()
            process.join(2)
    finally:
        try:
            slot.conn.close()
        except OSError:
            pass
