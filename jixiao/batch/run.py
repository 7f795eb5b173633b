"""``jixiao extract``'s job: discover inputs, run them, store each result, write the tables, summarise.

The batch runner's top: discovery (:mod:`~jixiao.batch.discover`) → one task per file, hashed as it
is handed out → the local supervisor (:mod:`~jixiao.batch.pool`) or Dask
(:mod:`~jixiao.batch.dask_engine`) → every finished result stored at once in
``OUTDIR/.jixiao-cache/`` (:mod:`~jixiao.batch.cache`) → the tables assembled in input order
(:mod:`~jixiao.batch.assemble`). With ``--resume`` a file whose content, source name and options
match a stored, non-failed result is not processed again. The output does not depend on the
number of workers, the engine or how many earlier runs were interrupted.

Exit status: 0 when every file was processed, 1 when any failed, 2 on bad usage (Dask missing),
130 when interrupted.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path
from typing import Iterator, Optional

from jixiao.batch.assemble import ColumnPlan, write_tables
from jixiao.batch.cache import ResultStore, entry_key, run_fingerprint
from jixiao.batch.discover import discover
from jixiao.batch.pool import PoolStats, Task, run_supervised
from jixiao.batch.progress import ProgressBar, Tally, print_lines, progress_enabled
from jixiao.batch.worker import WorkerConfig, failed_result
from jixiao.extract import ReadOptions
from jixiao.pipeline import sha256_of

MEMORY_ENV = "JIXIAO_WORKER_MEMORY_MB"  # optional per-worker address-space cap, in MiB


def run_extract(args, formats: list[str]) -> int:
    start = time.perf_counter()
    outdir = Path(args.out)
    found = discover([Path(p) for p in args.inputs], exclude=[outdir])
    items = found.items
    options = ReadOptions(ocr=args.ocr, pdf_engine=args.pdf_engine, password=args.password, timeout=args.timeout)
    workers = args.workers or os.cpu_count() or 1
    debug = bool(args.debug)
    quiet = bool(getattr(args, "quiet", False))
    memory_mb = getattr(args, "max_memory", None) or _env_int(MEMORY_ENV)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        store = ResultStore(outdir)
    except OSError as e:
        print(f"jixiao: cannot write to {outdir}: {e.strerror or e}", file=sys.stderr)
        return 2

    fingerprint = run_fingerprint(options, debug)
    keys: list[Optional[str]] = [None] * (len(items) + len(found.unreadable))
    tally = Tally()
    columns = ColumnPlan()
    stats = PoolStats()

    def record(index: int, key: str, result, reused: bool = False) -> None:
        keys[index] = key
        columns.note(index, result)
        tally.add(index, result.documents, reused=reused)
        bar.advance()

    def tasks() -> Iterator[Task]:
        """Hash each file as it is handed out; answer unreadable and (with --resume) cached ones here."""
        for index, item in enumerate(items):
            try:
                content_sha = sha256_of(item.path)
            except OSError as e:
                key = entry_key("unreadable-" + hashlib.sha256(item.source.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                                item.source, fingerprint)
                reason = ("it is a link to a file that does not exist" if item.path.is_symlink() and not item.path.exists()
                          else e.strerror or str(e))
                result = failed_result(item.path, item.source, f"the file cannot be opened ({reason})")
                store.save(key, result)
                record(index, key, result)
                continue
            key = entry_key(content_sha, item.source, fingerprint)
            if args.resume:
                cached = store.load_reusable(key)
                if cached is not None:
                    record(index, key, cached, reused=True)
                    continue
            yield Task(index=index, path=item.path, source=item.source, key=key, sha256=content_sha)

    try:
        with ProgressBar(len(items), progress_enabled(quiet)) as bar:
            for task, result in _engine(args, workers, options, debug, memory_mb, stats)(tasks()):
                store.save(task.key, result)
                record(task.index, task.key, result)
        for offset, (folder, source, reason) in enumerate(found.unreadable):
            key = entry_key("unreadable-folder", source, fingerprint)
            result = failed_result(folder, source, f"the folder cannot be read ({reason}); its files were not processed")
            result.documents["format"] = "folder"
            store.save(key, result)
            record(len(items) + offset, key, result)
        write_tables((_load(store, key) for key in keys), outdir, formats, columns=columns.columns())
        store.prune(k for k in keys if k)
    except _UsageError as e:
        print(f"jixiao extract: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"jixiao: interrupted; {tally.files} finished files are kept in {store.root} — "
              "run again with --resume to continue", file=sys.stderr)
        return 130
    except OSError as e:
        print(f"jixiao: cannot write the output to {outdir}: {e.strerror or e}", file=sys.stderr)
        return 2

    if not quiet:
        print_lines(tally.summary_lines(len(found.skipped), time.perf_counter() - start, f"{outdir}/",
                                        peak_worker_rss_kb=stats.peak_rss_kb))
    return 1 if tally.failed else 0


class _UsageError(Exception):
    pass


def _engine(args, workers: int, options: ReadOptions, debug: bool, memory_mb: Optional[int], stats: PoolStats):
    """A function tasks → (task, result) pairs for the chosen engine."""
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    if getattr(args, "engine", "local") == "dask":
        from jixiao.batch.dask_engine import DaskMissing, run_dask

        def run(tasks):
            try:
                yield from run_dask(tasks, workers, options, debug, timeout=timeout,
                                    scheduler=getattr(args, "scheduler", None))
            except DaskMissing as e:
                raise _UsageError(str(e)) from None
        return run
    if getattr(args, "scheduler", None):
        raise _UsageError("--scheduler is only used with --engine dask")
    config = WorkerConfig.from_environment(options, debug, memory_mb)
    return lambda tasks: run_supervised(tasks, workers, config, timeout=timeout, stats=stats)


def _load(store: ResultStore, key: Optional[str]):
    result = store.load(key) if key else None
    if result is None:
        raise OSError(f"a stored result disappeared from {store.root} during the run")
    return result


def _env_int(name: str) -> Optional[int]:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else None
    except ValueError:
        return None

