"""One file through the whole pipeline: read → parse → normalise → table rows.

:func:`process_file` is the unit of work the batch runners (local processes, Dask) schedule.
It never raises for a bad input: the failure becomes a ``documents`` row with status ``failed``
and a one-sentence error. Rows are plain dicts keyed by the contract's column names.
"""
from __future__ import annotations

import hashlib
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.dataset.rows import document_row, form_rows
from jixiao.extract import ReadOptions, read_document
from jixiao.extract.sniff import extension_format, sniff_format
from jixiao.model import ReadError
from jixiao.parsers import parse_document
from jixiao.records import Form


# formats a name may promise while the bytes are, legitimately, another one
COMPATIBLE = {"doc": ("rtf", "html", "txt", "docx"), "wps": ("doc", "docx", "rtf"), "xls": ("html", "xlsx", "txt"),
              "et": ("xls", "xlsx"), "txt": ("html",), "html": ("txt",), "odt": ("docx",), "ods": ("xlsx",)}
FORMAT_NAMES = {"txt": "plain-text", "html": "web-page (HTML)", "pdf": "PDF", "docx": "Word (DOCX)",
                "xlsx": "Excel (XLSX)", "doc": "Word 97-2003", "xls": "Excel 97-2003", "png": "PNG image",
                "jpg": "JPEG image"}


@dataclass
class FileResult:
    """Every table's rows for one input file."""

    documents: dict
    forms: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    budget: list[dict] = field(default_factory=list)
    goals: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict]]:
        return {"forms": self.forms, "indicators": self.indicators, "budget": self.budget,
                "goals": self.goals, "documents": [self.documents], "checks": self.checks, "cells": self.cells}

    def to_json(self) -> dict:
        return {t: (rows[0] if t == "documents" else rows) for t, rows in self.tables().items()}

    @classmethod
    def from_json(cls, data: dict) -> "FileResult":
        return cls(documents=data["documents"], **{t: data.get(t, []) for t in
                                                   ("forms", "indicators", "budget", "goals", "checks", "cells")})


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def process_file(path: Path, source: str, options: ReadOptions = ReadOptions(), debug: bool = False) -> FileResult:
    """Extract one file. Never raises for bad input (only for KeyboardInterrupt and the like)."""
    start = time.perf_counter()
    doc_row = document_row(source, path)
    result = FileResult(documents=doc_row)
    try:
        doc_row["sha256"] = sha256_of(path)
        fmt = sniff_format(path)
        doc_row["format"] = fmt
        if path.stat().st_size == 0:
            raise ReadError("the file is empty (0 bytes)")
        document = read_document(path, options, fmt=fmt)
        forms: list[Form] = parse_document(document)
        doc_row["pages"] = document.pages
        warnings = list(document.warnings)
        for n, form in enumerate(forms, start=1):
            rows = form_rows(form, source=source, form_id=f"{source}#{n}", method=document.method)
            result.forms.append(rows["form"])
            result.indicators.extend(rows["indicators"])
            result.budget.extend(rows["budget"])
            result.goals.extend(rows["goals"])
            result.checks.extend(rows["checks"])
            result.cells.extend(rows["cells"])
            warnings.extend(f"form {n}: {w}" for w in form.warnings + rows["warnings"])
        from jixiao.dataset.enrich import enrich_forms

        enrich_forms(result.forms, source)
        promised = extension_format(path)
        if not forms and promised and promised != fmt and fmt not in COMPATIBLE.get(promised, ()):
            raise ReadError(f"the file is named {path.suffix} but is a {FORMAT_NAMES.get(fmt, fmt)} file, "
                            "and holds no performance form")
        doc_row["forms"] = len(result.forms)
        doc_row["indicators"] = len(result.indicators)
        doc_row["warnings"] = "; ".join(dict.fromkeys(warnings))
        doc_row["status"] = "ok" if forms else "no_forms"
    except ReadError as e:
        doc_row["error"] = str(e)
    except MemoryError:
        doc_row["error"] = "ran out of memory while reading the file"
    except Exception as e:  # a bug or an input no reader foresaw: the batch goes on
        first = str(e).splitlines()[0] if str(e) else ""
        doc_row["error"] = f"could not read the file ({type(e).__name__}: {first})"[:500]
        if debug:
            doc_row["error"] += "\n" + traceback.format_exc()
    doc_row["seconds"] = round(time.perf_counter() - start, 4)
    return result
