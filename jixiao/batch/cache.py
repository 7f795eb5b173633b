"""The result store: each finished file's rows on disk, one small JSON file per input file.

Part of the batch runner, between the per-file work (``pipeline.process_file``) and the table
assembly (:mod:`jixiao.batch.assemble`). Every result is written here as soon as its file is done,
atomically (temporary file + rename), so the runner never holds more than the in-flight results in
memory and a ``kill -9`` loses at most the files being worked on.

An entry's key is the sha256 of the file's bytes plus a fingerprint of everything else that changes
the rows: the ``source`` name (it is written into every row), the jixiao version and a digest of its
code and data files, and the options that change results (``--ocr``, ``--pdf-engine``, whether a password was given, ``--debug``). ``--resume``
reuses an entry only when the key matches and the file did not fail: failed files are always retried.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional

from jixiao.pipeline import FileResult

CACHE_DIRNAME = ".jixiao-cache"
STORE_FORMAT = 1  # bump when the entry layout changes


def run_fingerprint(options, debug: bool) -> str:
    """Everything besides file content and source that changes a file's rows."""
    from jixiao.version import __version__

    password = getattr(options, "password", None)
    payload = {
        "store": STORE_FORMAT,
        "jixiao": __version__,
        "code": code_digest(),
        "ocr": getattr(options, "ocr", None),
        "pdf_engine": getattr(options, "pdf_engine", None),
        "password": hashlib.sha256(password.encode()).hexdigest() if password else None,
        "debug": bool(debug),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of jixiao's own source and data files: a changed parser invalidates stored results
    even when the version number did not move (development installs, patched deployments)."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for p in sorted(package.rglob("*")):
        if p.suffix in (".py", ".csv", ".tsv", ".json", ".txt") and "__pycache__" not in p.parts:
            try:
                data = p.read_bytes()
            except OSError:
                continue
            h.update(p.relative_to(package).as_posix().encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def entry_key(content_sha256: str, source: str, fingerprint: str) -> str:
    tail = hashlib.sha256(f"{source}\0{fingerprint}".encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return f"{content_sha256}-{tail}"


def result_to_json(result: FileResult) -> dict:
    return result.to_json()


def result_from_json(data: dict) -> FileResult:
    return FileResult.from_json(data)


class StoreBusy(RuntimeError):
    """Another jixiao run is writing to the same OUTDIR."""


class ResultStore:
    """``OUTDIR/.jixiao-cache/<aa>/<key>.json`` files, one per finished input file."""

    def __init__(self, outdir: Path):
        self.root = Path(outdir) / CACHE_DIRNAME
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock_file = None

    def lock(self) -> None:
        """Hold OUTDIR for this run (released when the process ends, even by ``kill -9``)."""
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; runs must not share an OUTDIR
            return
        handle = open(self.root / "lock", "a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise StoreBusy(f"another jixiao run is writing to {self.root.parent}; wait for it or choose another -o") from None
        self._lock_file = handle

    def unlock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def path_of(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def save(self, key: str, result: FileResult) -> None:
        """Write one result atomically: a reader sees the old entry, the new one, or none."""
        save_entry(self.path_of(key), key, result)

    def load(self, key: str) -> Optional[FileResult]:
        """The stored result, or None when missing or unreadable (a damaged entry is a miss)."""
        try:
            with open(self.path_of(key), encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            return None
        if data.get("store") != STORE_FORMAT or data.get("key") != key:
            return None
        try:
            return result_from_json(data["result"])
        except (KeyError, TypeError):
            return None

    def load_reusable(self, key: str) -> Optional[FileResult]:
        """A stored result ``--resume`` may reuse: present and not failed."""
        result = self.load(key)
        if result is None or result.documents.get("status") == "failed":
            return None
        return result

    def prune(self, keep: Iterable[str]) -> int:
        """Delete entries (and stray temporary files) not in ``keep``; returns how many went."""
        keep_names = {f"{k}.json" for k in keep}
        keep_names.add("lock")
        removed = 0
        for sub in self.root.iterdir():
            if not sub.is_dir():
                continue
            for p in sub.iterdir():
                if p.name not in keep_names:
                    try:
                        p.unlink()
                        removed += 1
                    except OSError:
                        pass
            try:
                sub.rmdir()  # only succeeds when empty
            except OSError:
                pass
        return removed


def save_entry(path: Path, key: str, result: FileResult) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"store": STORE_FORMAT, "key": key, "result": result_to_json(result)}
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")  # C encoder, one write
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
