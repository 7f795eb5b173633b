"""Input discovery: files and folders → (path, source) work items in a deterministic order.

The first step of the batch runner. ``source`` is the path relative to the INPUT folder it was found
under (for an INPUT that is a file: its file name), as the contract fixes. Folders are walked
recursively without following symbolic links to folders (no loops); files are ordered by their
POSIX path, so a run's order does not depend on the file system. Hidden and temporary files and
folders (``.DS_Store``, ``~$x.docx``, ``.~lock.x#``, ``Thumbs.db``, ``__MACOSX`` …) are skipped and
counted; so is the output folder when it lies inside an INPUT. A folder that cannot be listed is
reported, never silently dropped. A file named explicitly as an INPUT is always taken.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

SKIPPED_NAMES = {"thumbs.db", "ehthumbs.db", "desktop.ini", "__macosx", "$recycle.bin",
                 "system volume information", ".ds_store"}
TEMP_SUFFIXES = (".crdownload", ".partial", ".swp")


@dataclass(frozen=True)
class WorkItem:
    path: Path
    source: str


@dataclass
class Discovery:
    items: list[WorkItem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str, str]] = field(default_factory=list)  # (folder, source, reason)


def is_hidden_or_temp(name: str) -> bool:
    """Hidden (dot) files, Office/WPS lock and temporary files, editor backups, OS clutter."""
    lowered = name.lower()
    return (name.startswith(".") or name.startswith("~") or name.endswith("~")
            or lowered in SKIPPED_NAMES or lowered.endswith(TEMP_SUFFIXES))


def discover(inputs: Iterable[Path], exclude: Iterable[Path] = ()) -> Discovery:
    found = Discovery()
    seen: set[str] = set()
    excluded = {_real(p) for p in exclude}
    for inp in inputs:
        inp = Path(inp)
        if inp.is_dir():
            _walk(inp, found, seen, excluded)
        elif inp.exists():
            _add(found, seen, WorkItem(inp, inp.name))
        else:
            found.missing.append(inp)
    return found


def _walk(root: Path, found: Discovery, seen: set[str], excluded: set[str]) -> None:
    files: list[tuple[str, Path]] = []

    def unreadable(err: OSError) -> None:
        folder = Path(err.filename) if err.filename else root
        rel = folder.relative_to(root).as_posix() if folder != root else root.name
        found.unreadable.append((folder, rel, err.strerror or str(err)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):  # links to folders not followed
        here = Path(dirpath)
        kept = []
        for d in sorted(dirnames):
            if _real(here / d) in excluded:
                continue
            if is_hidden_or_temp(d):
                found.skipped.append(here / d)
            else:
                kept.append(d)
        dirnames[:] = kept
        for name in filenames:
            p = here / name
            if is_hidden_or_temp(name):
                found.skipped.append(p)
            elif p.is_file() or p.is_symlink():  # a broken link is reported as unreadable, not lost
                files.append((p.relative_to(root).as_posix(), p))
    for rel, p in sorted(files):
        _add(found, seen, WorkItem(p, rel))
    found.skipped.sort(key=lambda q: q.as_posix())
    found.unreadable.sort(key=lambda u: u[1])


def _real(p: Path) -> str:
    try:
        return str(Path(p).resolve())
    except OSError:
        return str(Path(p).absolute())


def _add(found: Discovery, seen: set[str], item: WorkItem) -> None:
    key = _real(item.path)
    if key not in seen:
        seen.add(key)
        found.items.append(item)

