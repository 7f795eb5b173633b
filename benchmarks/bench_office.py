"""Benchmark of the office and web readers: conversion and reading time per file, per format.

Not part of the pipeline. Reads the repo's samples (and, with ``--corpus DIR``, every
DOCX/DOC/XLSX/XLS/HTML/RTF/ODT/ODS/ET/WPS file under DIR) ``--repeat`` times each and prints a table:
per format, the number of files, the median and worst time to read a file into the grid model,
and, for the formats that go through LibreOffice, the time of the conversion alone (DOC files are
read by the binary reader; their LibreOffice fallback is timed too, as "via soffice").

    python benchmarks/bench_office.py [--corpus DIR] [--repeat N] [--no-soffice]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jixiao.extract import ReadOptions, read_document  # noqa: E402
from jixiao.extract import convert as soffice  # noqa: E402
from jixiao.extract.sniff import sniff_format  # noqa: E402
from jixiao.model import ReadError  # noqa: E402

FORMATS = {"docx", "doc", "xlsx", "xls", "html", "rtf", "odt", "ods", "et", "wps"}


def files(corpus: Path | None) -> list[Path]:
    roots = [ROOT / "samples" / d for d in ("docx", "doc", "xlsx", "xls", "html")]
    if corpus:
        roots.append(corpus)
    out = []
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.is_file() and p.suffix.lower().lstrip(".") in FORMATS | {"htm", "mht"} and not p.name.startswith("bad_"):
                out.append(p)
    return out


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="also time every office/web file under this folder")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-soffice", action="store_true", help="skip the LibreOffice conversions")
    args = ap.parse_args()
    read_times: dict[str, list[float]] = defaultdict(list)
    convert_times: dict[str, list[float]] = defaultdict(list)
    failed: dict[str, int] = defaultdict(int)
    use_soffice = not args.no_soffice and soffice.find_soffice() is not None
    for path in files(args.corpus):
        fmt = sniff_format(path)
        try:
            read_document(path, ReadOptions())  # warm-up (imports, first LibreOffice start)
        except ReadError:
            failed[fmt] += 1
            continue
        read_times[fmt].extend(timed(lambda path=path: read_document(path, ReadOptions()), args.repeat))
        if use_soffice and fmt in ("doc", "wps", "rtf", "odt", "ods", "et", "xls"):
            def convert(path=path, fmt=fmt):
                with tempfile.TemporaryDirectory() as tmp:
                    soffice.convert_file(path, Path(tmp), soffice.TARGETS[fmt], fmt, timeout=120)

            convert_times[fmt].extend(timed(convert, args.repeat))
    print(f"{'format':<8}{'files':>6}{'read median s':>15}{'read max s':>12}{'soffice conversion median s':>30}"
          f"{'failed':>8}")
    for fmt in sorted(set(read_times) | set(failed)):
        rt = read_times.get(fmt, [])
        ct = convert_times.get(fmt, [])
        n = len(rt) // args.repeat if rt else 0
        conv = f"{statistics.median(ct):.3f}" if ct else "-"
        print(f"{fmt:<8}{n:>6}{(statistics.median(rt) if rt else float('nan')):>15.3f}"
              f"{(max(rt) if rt else float('nan')):>12.3f}{conv:>30}{failed.get(fmt, 0):>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
