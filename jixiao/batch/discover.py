"""Input discovery: files and folders → (path, source) work items in a deterministic order.

``source`` is the path relative to the INPUT folder it was found under (for an INPUT that is a
file: its file name), as the contract fixes. Hidden and temporary files are skipped and counted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class WorkItem:
    path: Path
    source: str


@dataclass
class Discovery:
    items: list[WorkItem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def is_hidden_or_temp(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$") or name.endswith("~") or name.lower() in ("thumbs.db", "desktop.ini")


def discover(inputs: list[Path]) -> Discovery:
    found = Discovery()
    seen: set[str] = set()
    for inp in inputs:
        if inp.is_dir():
            for p in sorted(inp.rglob("*"), key=lambda q: q.as_posix()):
                rel = p.relative_to(inp)
                if any(is_hidden_or_temp(part) for part in rel.parts):
                    if p.is_file():
                        found.skipped.append(p)
                    continue
                if p.is_file():
                    _add(found, seen, WorkItem(p, rel.as_posix()))
        elif inp.exists():
            _add(found, seen, WorkItem(inp, inp.name))
        else:
            found.missing.append(inp)
    return found


def _add(found: Discovery, seen: set[str], item: WorkItem) -> None:
    key = str(item.path.resolve())
    if key not in seen:
        seen.add(key)
        found.items.append(item)
