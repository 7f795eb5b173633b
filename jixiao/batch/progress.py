"""Progress and the closing summary of a batch run, both on stderr.

Part of the batch runner's user-facing edge: a rich progress bar (files done, files/s, ETA) when
stderr is a terminal and ``-q`` is not given; nothing while running otherwise. The :class:`Tally`
counts results as they finish (status, forms, indicators, reused from cache) without keeping them.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Optional

MAX_FAILURES_LISTED = 30


@dataclass
class Tally:
    """Running counts for the summary line; holds only failed files' names and reasons."""

    files: int = 0
    ok: int = 0
    no_forms: int = 0
    failed: int = 0
    forms: int = 0
    indicators: int = 0
    reused: int = 0
    failures: list = field(default_factory=list)  # (index, source, error)

    def add(self, index: int, documents_row: dict, reused: bool = False) -> None:
        self.files += 1
        status = documents_row.get("status")
        if status == "ok":
            self.ok += 1
        elif status == "no_forms":
            self.no_forms += 1
        else:
            self.failed += 1
            self.failures.append((index, documents_row.get("source"), documents_row.get("error") or "failed"))
        self.forms += int(documents_row.get("forms") or 0)
        self.indicators += int(documents_row.get("indicators") or 0)
        if reused:
            self.reused += 1

    def summary_lines(self, skipped: int, seconds: float, outdir: str, peak_worker_rss_kb: int = 0) -> list[str]:
        parts = [f"{self.ok} ok", f"{self.no_forms} no_forms", f"{self.failed} failed"]
        if skipped:
            parts.append(f"{skipped} hidden/temporary skipped")
        if self.reused:
            parts.append(f"{self.reused} reused from cache")
        rate = f", {self.files / seconds:.1f} files/s" if seconds > 0 and self.files else ""
        memory = f", peak worker memory {peak_worker_rss_kb / 1024:.0f} MiB" if peak_worker_rss_kb else ""
        lines = [f"jixiao: {self.files} files ({', '.join(parts)}) → {self.forms} forms, "
                 f"{self.indicators} indicators in {seconds:.1f}s{rate}{memory} → {outdir}"]
        for _, source, error in sorted(self.failures)[:MAX_FAILURES_LISTED]:
            lines.append(f"  failed: {source}: {error}")
        if len(self.failures) > MAX_FAILURES_LISTED:
            lines.append(f"  … and {len(self.failures) - MAX_FAILURES_LISTED} more failed files "
                         "(see the documents table)")
        return lines


class ProgressBar:
    """A rich progress bar on stderr, or a no-op when disabled."""

    def __init__(self, total: int, enabled: bool):
        self._progress = None
        self._task = None
        if not enabled or total == 0:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class FilesPerSecond(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text("  -  files/s" if speed is None else f"{speed:5.1f} files/s", style="progress.data.speed")

        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            FilesPerSecond(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True, speed_estimate_period=60)
        self._task = self._progress.add_task("extracting", total=total)

    def __enter__(self) -> "ProgressBar":
        if self._progress is not None:
            self._progress.start()
        return self

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()


def progress_enabled(quiet: bool, stream=None) -> bool:
    stream = stream if stream is not None else sys.stderr
    try:
        return not quiet and stream.isatty()
    except (AttributeError, ValueError):
        return False


def print_lines(lines: list[str], stream: Optional[object] = None) -> None:
    stream = stream if stream is not None else sys.stderr
    for line in lines:
        print(line, file=stream)
