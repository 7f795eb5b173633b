"""The local batch engine: files processed in worker processes, results yielded in input order."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Iterator

from jixiao.batch.discover import WorkItem
from jixiao.extract import ReadOptions
from jixiao.pipeline import FileResult, process_file


def _run_one(item: WorkItem, options: ReadOptions, debug: bool) -> FileResult:
    return process_file(item.path, item.source, options, debug=debug)


def run_local(items: list[WorkItem], options: ReadOptions = ReadOptions(), workers: int = 1,
              debug: bool = False) -> Iterator[FileResult]:
    if workers <= 1 or len(items) <= 1:
        for item in items:
            yield _run_one(item, options, debug)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_run_one, items, [options] * len(items), [debug] * len(items))
