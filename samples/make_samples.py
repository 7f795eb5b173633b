"""Regenerate every sample file in ``samples/`` and its expected output in ``samples/expected/``.

``python samples/make_samples.py [FORMAT ...]`` — formats: text docx xlsx record_list html pdf doc xls real overflow scan checks
(default: all). PDF, DOC and XLS samples need LibreOffice; scans need the PDF samples.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ORDER = ["text", "docx", "xlsx", "record_list", "html", "pdf", "doc", "xls", "real", "overflow", "scan", "checks"]


def main(names: list[str]) -> int:
    for name in names or ORDER:
        module = importlib.import_module(f"samples.generators.{name}")
        written = module.build()
        print(f"{name}: {len(written)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
