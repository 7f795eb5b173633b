"""Where uploads and results live while a page uses them: one temporary folder, a folder per batch.

Part of ``jixiao/serve``. A *batch* is what one page uploads (one or many files); it has a random
id and its own folder under the server's temporary folder (mode 0700, removed when the server
stops). Every file in it is an :class:`Entry` with a random id; the upload is stored as
``<batch>/in/<entry id><known extension>`` — the name the user gave is kept for display only and
never reaches a path, so no name can climb out of the folder. The upload itself is deleted as soon
as it has been read (or refused); what was read (``<batch>/out/<id>.json``) and the page images
(``<batch>/img/``) stay until the batch has not been used for ``ttl_seconds``, or the page clears it.
"""
from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
FINISHED = ("done", "failed", "rejected")


def new_id() -> str:
    return secrets.token_urlsafe(16)


@dataclass
class Entry:
    """One uploaded file and how far it got. ``message`` is an interface-string key with its figures."""

    id: str
    name: str  # display name (guard.display_name), unique in its batch: the tables' `source`
    suffix: str  # the stored copy's extension
    size: int = 0
    status: str = "uploading"  # uploading, queued, reading, rendering, done, failed, rejected
    message: Optional[str] = None
    params: dict = field(default_factory=dict)
    forms: int = 0
    indicators: int = 0
    failed_checks: int = 0
    warnings: int = 0
    format: Optional[str] = None
    pages: list = field(default_factory=list)  # report.pages.PageInfo of the drawn pages
    paged: bool = False  # a PDF or an image: the review shows its pages
    order: Optional[int] = None  # the place the user picked it in (uploads run in parallel and arrive in any order)

    def public(self) -> dict:
        return {"id": self.id, "name": self.name, "size": self.size, "status": self.status,
                "message": self.message, "params": self.params, "forms": self.forms,
                "indicators": self.indicators, "failed_checks": self.failed_checks, "warnings": self.warnings,
                "format": self.format, "pages": len(self.pages), "paged": self.paged}


@dataclass
class Batch:
    id: str
    folder: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    touched: float = field(default_factory=time.monotonic)

    @property
    def inbox(self) -> Path:
        return self.folder / "in"

    @property
    def results(self) -> Path:
        return self.folder / "out"

    @property
    def images(self) -> Path:
        return self.folder / "img"

    def upload_path(self, entry: Entry) -> Path:
        return self.inbox / f"{entry.id}{entry.suffix}"

    def result_path(self, entry: Entry) -> Path:
        return self.results / f"{entry.id}.json"

    def busy(self) -> bool:
        return any(e.status not in FINISHED for e in self.entries.values())


class Store:
    """The batches of one server, in one temporary folder."""

    def __init__(self, parent: Optional[Path] = None):
        self.root = Path(tempfile.mkdtemp(prefix="jixiao-serve-", dir=parent))  # mode 0700
        self._batches: dict[str, Batch] = {}
        self._lock = threading.Lock()

    def new_batch(self) -> Batch:
        bid = new_id()
        folder = self.root / bid
        for sub in ("in", "out", "img", "dl"):
            (folder / sub).mkdir(parents=True)
        batch = Batch(bid, folder)
        with self._lock:
            self._batches[bid] = batch
        return batch

    def get(self, bid: str) -> Optional[Batch]:
        if not ID_PATTERN.match(bid or ""):
            return None
        with self._lock:
            batch = self._batches.get(bid)
        if batch is not None:
            batch.touched = time.monotonic()
        return batch

    def add_entry(self, batch: Batch, name: str, suffix: str) -> Entry:
        with self._lock:
            taken = {e.name for e in batch.entries.values()}
            unique, k = name, 2
            while unique in taken:
                stem, dot, ext = name.rpartition(".")
                unique = f"{stem} ({k}).{ext}" if dot else f"{name} ({k})"
                k += 1
            entry = Entry(new_id(), unique, suffix)
            batch.entries[entry.id] = entry
        return entry

    def drop_entry(self, batch: Batch, entry: Entry) -> None:
        with self._lock:
            batch.entries.pop(entry.id, None)

    def remove(self, bid: str) -> bool:
        with self._lock:
            batch = self._batches.pop(bid, None)
        if batch is None:
            return False
        shutil.rmtree(batch.folder, ignore_errors=True)
        return True

    def sweep(self, ttl_seconds: float, now: Optional[float] = None) -> list[str]:
        """Remove the batches unused for ``ttl_seconds`` (files still being read are waited for)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            old = [b.id for b in self._batches.values() if now - b.touched > ttl_seconds and not b.busy()]
        return [bid for bid in old if self.remove(bid)]

    def batches(self) -> list[Batch]:
        with self._lock:
            return list(self._batches.values())

    def close(self) -> None:
        with self._lock:
            self._batches.clear()
        shutil.rmtree(self.root, ignore_errors=True)
