"""``jixiao extract``'s job: discover inputs, run them, store each result, write the tables, summarise.

The batch runner's top: discovery (:mod:`~jixiao.batch.discover`) → one task per file, hashed as it
is handed out → the local supervisor (:mod:`~jixiao.batch.pool`) or Dask
(:mod:`~jixiao.batch.dask_engine`) → every finished result stored at once in
``OUTDIR/.jixiao-cache/`` (:mod:`~jixiao.batch.cache`) → the tables assembled in input order
(:mod:`~jixiao.batch.assemble`). With ``--resume`` a file whose content, source name and options
match a stored, non-failed result is not processed again. The output does not depend on the
number of workers, the engine or how many earlier runs were interrupted.

Exit status: 0 when every file was processed, 1 when any failed, 2 on bad usage (Dask missing,
OUTDIR busy or not writable), 130 when interrupted.
"""
from __future__ import annotations

import hashlib
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from jixiao.batch.assemble import ColumnPlan, write_tables
from jixiao.batch.cache import ResultStore, StoreBusy, entry_key, run_fingerprint
from jixiao.batch.discover import Discovery, discover
from jixiao.batch.pool import PoolStats, Task, run_supervised, warm_up
from jixiao.batch.progress import ProgressBar, Tally, print_lines, progress_enabled
from jixiao.batch.worker import WorkerConfig, failed_result
from jixiao.extract import ReadOptions
from jixiao.pipeline import sha256_of

MEMORY_ENV = "JIXIAO_WORKER_MEMORY_MB"  # optional per-worker address-space cap, in MiB


class UsageError(Exception):
    """A problem with how jixiao was called (exit status 2)."""


@dataclass(frozen=True)
class RunSettings:
    """The command line, resolved: what to read, how, and where the output goes."""

    outdir: Path
    formats: tuple
    options: ReadOptions
    workers: int
    engine: str = "local"
    scheduler: Optional[str] = None
    timeout: Optional[float] = None
    resume: bool = False
    debug: bool = False
    quiet: bool = False
    memory_limit_mb: Optional[int] = None

    @classmethod
    def from_args(cls, args, formats) -> "RunSettings":
        timeout = args.timeout if args.timeout and args.timeout > 0 else None
        return cls(outdir=Path(args.out), formats=tuple(formats),
                   options=ReadOptions(ocr=args.ocr, pdf_engine=args.pdf_engine, password=args.password,
                                       timeout=args.timeout),
                   workers=args.workers or os.cpu_count() or 1, engine=getattr(args, "engine", "local"),
                   scheduler=getattr(args, "scheduler", None), timeout=timeout, resume=bool(args.resume),
                   debug=bool(args.debug), quiet=bool(getattr(args, "quiet", False)),
                   memory_limit_mb=getattr(args, "max_memory", None) or _env_int(MEMORY_ENV))


def run_extract(args, formats: list[str]) -> int:
    start = time.perf_counter()
    settings = RunSettings.from_args(args, formats)
    if settings.engine == "local" and not settings.resume:  # a rerun may need no worker at all
        warm_up()
    found = discover([Path(p) for p in args.inputs], exclude=[settings.outdir])
    try:
        settings.outdir.mkdir(parents=True, exist_ok=True)
        store = ResultStore(settings.outdir)
        store.lock()
    except OSError as e:
        print(f"jixiao: cannot write to {settings.outdir}: {e.strerror or e}", file=sys.stderr)
        return 2
    except StoreBusy as e:
        print(f"jixiao: {e}", file=sys.stderr)
        return 2
    tally, stats = Tally(), PoolStats()
    previous_term = _terminate_as_interrupt()
    try:
        run_batch(settings, found, store, tally, stats)
    except UsageError as e:
        print(f"jixiao extract: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"jixiao: interrupted; the {tally.files} finished files are kept in {store.root}: "
              "run again with --resume to continue", file=sys.stderr)
        return 130
    except OSError as e:
        print(f"jixiao: cannot write the output to {settings.outdir}: {e.strerror or e}", file=sys.stderr)
        return 2
    finally:
        store.unlock()
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    if not settings.quiet:
        print_lines(tally.summary_lines(len(found.skipped), time.perf_counter() - start, f"{settings.outdir}/",
                                        peak_worker_rss_kb=stats.peak_rss_kb))
        if settings.debug and stats.workers_started:
            print(f"jixiao: {stats.workers_started} worker processes started, "
                  f"worker CPU {stats.worker_cpu_seconds:.1f} s", file=sys.stderr)
    return 1 if tally.failed else 0


def run_batch(settings: RunSettings, found: Discovery, store: ResultStore, tally: Tally, stats: PoolStats) -> None:
    """Process (or reuse) every discovered file, then write the tables from the store."""
    items = found.items
    fingerprint = run_fingerprint(settings.options, settings.debug)
    keys: list[Optional[str]] = [None] * (len(items) + len(found.unreadable))
    columns = ColumnPlan()
    bar = ProgressBar(len(items), progress_enabled(settings.quiet))

    def record(index: int, key: str, result, reused: bool = False) -> None:
        keys[index] = key
        columns.note(index, result)
        tally.add(index, result.documents, reused=reused)
        bar.advance()

    def store_and_record(index: int, key: str, result) -> None:
        store.save(key, result)
        record(index, key, result)

    def tasks() -> Iterator[Task]:
        """Hash each file as it is handed out; answer unreadable and (with --resume) stored ones here."""
        for index, item in enumerate(items):
            try:
                content_sha = sha256_of(item.path)
            except OSError as e:
                key = entry_key("unreadable-" + _short_hash(item.source), item.source, fingerprint)
                broken_link = item.path.is_symlink() and not item.path.exists()
                reason = "it is a link to a file that does not exist" if broken_link else (e.strerror or str(e))
                store_and_record(index, key, failed_result(item.path, item.source, f"the file cannot be opened ({reason})"))
                continue
            key = entry_key(content_sha, item.source, fingerprint)
            if settings.resume:
                stored = store.load_reusable(key)
                if stored is not None:
                    record(index, key, stored, reused=True)
                    continue
            yield Task(index=index, path=item.path, source=item.source, key=key, sha256=content_sha)

    with bar:
        for task, result in engine(settings, stats)(tasks()):
            store_and_record(task.index, task.key, result)
    for offset, (folder, source, reason) in enumerate(found.unreadable):
        result = failed_result(folder, source, f"the folder cannot be read ({reason}); its files were not processed")
        result.documents["format"] = "folder"
        store_and_record(len(items) + offset, entry_key("unreadable-folder", source, fingerprint), result)
    write_tables((_load(store, key) for key in keys), settings.outdir, settings.formats, columns=columns.columns())
    store.prune(k for k in keys if k)


def engine(settings: RunSettings, stats: PoolStats):
    """A function: tasks → (task, result) pairs as files finish, on the chosen engine."""
    if settings.engine == "dask":
        from jixiao.batch.dask_engine import DaskMissing, run_dask

        def run(tasks):
            try:
                yield from run_dask(tasks, settings.workers, settings.options, settings.debug,
                                    timeout=settings.timeout, scheduler=settings.scheduler)
            except DaskMissing as e:
                raise UsageError(str(e)) from None
        return run
    if settings.scheduler:
        raise UsageError("--scheduler is only used with --engine dask")
    config = WorkerConfig.from_environment(settings.options, settings.debug, settings.memory_limit_mb)
    return lambda tasks: run_supervised(tasks, settings.workers, config, timeout=settings.timeout, stats=stats)


def _terminate_as_interrupt():
    """Make SIGTERM (``kill PID``, a job scheduler's stop) end the run like Ctrl-C: workers stopped,
    half-written tables removed, finished files kept for --resume. Returns the previous handler."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (embedded use): leave signals alone
        return None


def _load(store: ResultStore, key: Optional[str]):
    result = store.load(key) if key else None
    if result is None:
        raise OSError(f"a stored result disappeared from {store.root} during the run")
    return result


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _env_int(name: str) -> Optional[int]:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else None
    except ValueError:
        return None
