"""The local engine for the Python API: files → FileResults in input order.

Part of the batch runner. ``jixiao.read_forms(paths, workers=N)`` uses this: with one worker the files
are processed in this process; with more, in supervised worker processes (:mod:`jixiao.batch.pool`:
a crash or hang in one file fails that file only), and results are put back in input order.
The CLI uses :func:`jixiao.batch.run.run_extract` instead, which also stores results as they finish.
"""
from __future__ import annotations

from typing import Iterator, Optional

from jixiao.batch.discover import WorkItem
from jixiao.extract import ReadOptions
from jixiao.pipeline import FileResult, process_file


def run_local(items: list[WorkItem], options: ReadOptions = ReadOptions(), workers: int = 1,
              debug: bool = False, timeout: Optional[float] = None) -> Iterator[FileResult]:
    if (workers <= 1 and not timeout) or not items:
        for item in items:
            yield process_file(item.path, item.source, options, debug=debug)
        return
    from jixiao.batch.pool import Task, run_supervised
    from jixiao.batch.worker import WorkerConfig

    config = WorkerConfig(options=options, debug=debug)
    tasks = (Task(index=i, path=item.path, source=item.source) for i, item in enumerate(items))
    waiting: dict[int, FileResult] = {}
    next_index = 0
    for task, result in run_supervised(tasks, workers, config, timeout=timeout):
        waiting[task.index] = result
        while next_index in waiting:
            yield waiting.pop(next_index)
            next_index += 1
