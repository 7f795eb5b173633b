"""The worker side of the local engine: one process that runs ``process_file`` on task after task.

Part of the batch runner (:mod:`jixiao.batch.pool` starts these processes and talks to each over its
own pipe). A worker takes one task at a time, so the supervisor always knows which file a worker is
on: when the worker dies (segfault, ``os._exit``, the kernel's OOM killer) or overruns ``--timeout``,
exactly that file is marked failed and a fresh worker takes its place.

A worker retires (says so with its last answer, then exits) after ``max_tasks`` files or a
``MemoryError``, so slow leaks in libraries and memory left fragmented by a huge file do not build up.

Also here: the failed-file rows the supervisor writes for files no worker could finish, and the
optional per-worker address-space cap (``RLIMIT_AS``) that turns a runaway allocation into a
``MemoryError`` inside ``process_file`` instead of swapping the machine.

Test-only hooks (read by the supervisor from the environment and handed to each worker, never set in
normal use): ``JIXIAO_TEST_HANG=<file name>`` makes the worker sleep forever on that file,
``JIXIAO_TEST_CRASH=<file name>`` makes it die with SIGSEGV on it, ``JIXIAO_TEST_SLOW=<seconds>`` adds
a pause before every file (to kill a run part-way through), ``JIXIAO_TEST_ALLOCATE=<file name>`` makes
it allocate 16 GiB on that file (to test the memory cap).
"""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from jixiao.dataset.rows import document_row
from jixiao.extract import ReadOptions
from jixiao.pipeline import FileResult, process_file

OUT_OF_MEMORY = "ran out of memory while reading the file"  # process_file's wording
TEST_HOOK_VARS = ("JIXIAO_TEST_HANG", "JIXIAO_TEST_CRASH", "JIXIAO_TEST_SLOW", "JIXIAO_TEST_ALLOCATE")


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs besides its tasks (picklable, sent once at start)."""

    options: ReadOptions = ReadOptions()
    debug: bool = False
    memory_limit_mb: Optional[int] = None
    test_hooks: tuple = ()  # ((name, value), ...) from TEST_HOOK_VARS
    max_tasks: int = 500  # files per worker process before a fresh one takes over

    @classmethod
    def from_environment(cls, options: ReadOptions, debug: bool, memory_limit_mb: Optional[int]) -> "WorkerConfig":
        hooks = tuple((k, os.environ[k]) for k in TEST_HOOK_VARS if os.environ.get(k))
        return cls(options=options, debug=debug, memory_limit_mb=memory_limit_mb, test_hooks=hooks)


def failed_result(path: Path, source: str, error: str, sha256: Optional[str] = None,
                  seconds: Optional[float] = None) -> FileResult:
    """The ``documents`` row of a file that could not be processed at all (same shape as process_file's)."""
    from jixiao.extract.sniff import sniff_format

    try:
        fmt = sniff_format(path)
    except Exception:
        fmt = None
    return FileResult(documents=document_row(source, path, sha256=sha256, fmt=fmt, error=error, seconds=seconds))


def worker_main(conn, config: WorkerConfig) -> None:
    """Serve tasks from ``conn`` until it closes or sends None. Runs in the child process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    _die_with_parent()
    _limit_memory(config.memory_limit_mb)
    hooks = dict(config.test_hooks)
    done = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path_str, source = task
        path = Path(path_str)
        retire = False
        try:
            _apply_test_hooks(hooks, path)
            result = process_file(path, source, config.options, debug=config.debug)
            message = ("done", index, result)
            retire = result.documents.get("error") == OUT_OF_MEMORY
        except MemoryError:
            message, retire = ("error", index, OUT_OF_MEMORY), True
        except Exception as e:  # process_file only raises for bugs outside its own guard
            message = ("error", index, f"the worker failed on this file ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''})")
        done += 1
        retire = retire or done >= config.max_tasks
        try:
            conn.send(message + (_peak_rss_kb(), _cpu_seconds(), retire))
        except (BrokenPipeError, EOFError, OSError):
            return
        if retire:  # a fresh process replaces this one (memory after MemoryError, slow leaks in libraries)
            return


def _peak_rss_kb() -> Optional[int]:
    """This process's peak resident memory so far, in KiB (None where unknown)."""
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak
    except (ImportError, OSError):
        return None


def _cpu_seconds() -> Optional[float]:
    """CPU time this worker has used so far (user + system)."""
    try:
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    except (ImportError, OSError):
        return None


def _apply_test_hooks(hooks: dict, path: Path) -> None:
    if not hooks:
        return
    if hooks.get("JIXIAO_TEST_SLOW"):
        time.sleep(float(hooks["JIXIAO_TEST_SLOW"]))
    if hooks.get("JIXIAO_TEST_HANG") == path.name:
        while True:
            time.sleep(3600)
    if hooks.get("JIXIAO_TEST_ALLOCATE") == path.name:
        bytearray(16 << 30)  # MemoryError under the address-space cap
    if hooks.get("JIXIAO_TEST_CRASH") == path.name:
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGSEGV)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when its parent goes (``kill -9`` of the run)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except Exception:
        pass


def _limit_memory(limit_mb: Optional[int]) -> None:
    if not limit_mb:
        return
    try:
        import resource

        limit = int(limit_mb) * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass
