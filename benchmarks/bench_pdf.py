"""PDF benchmark: jixiao end to end vs table-only peers, in pages per second and peak memory.

Not part of the pipeline: a measuring tool (``make bench``). On the same text PDFs it runs, each
in a fresh Python process (so peak RSS is the contender's own):

- ``jixiao``          — the whole job: read, find forms, parse, normalise, table rows
- ``jixiao-reader``   — jixiao's PDF reader alone (grid model, no parsing)
- ``camelot``         — camelot-py lattice tables, default settings
- ``camelot-vector``  — camelot-py lattice with ``engine='vector'`` (no rendering)
- ``pdfplumber``      — pdfplumber ``extract_tables`` on every page
- ``pypdfium2-text``  — raw text of every page: the floor no table extractor can beat

Usage: ``python benchmarks/bench_pdf.py [PDF or folder ...] [--repeat N] [--only a,b]``.
Without arguments it measures the repo's sample PDFs (``samples/pdf``).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENDERS = ["jixiao", "jixiao-reader", "camelot", "camelot-vector", "pdfplumber", "pypdfium2-text"]
SLOW = {"camelot"}  # one pass is plenty


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _runner(name: str):
    """A function running one contender on one file (imports done before timing)."""
    if name == "jixiao":
        from jixiao.extract import ReadOptions
        from jixiao.pipeline import process_file

        options = ReadOptions(ocr="never")

        def run(path: Path):
            result = process_file(path, path.name, options)
            if result.documents["status"] == "failed":
                raise RuntimeError(result.documents["error"])
        return run
    if name == "jixiao-reader":
        from jixiao.extract import ReadOptions
        from jixiao.extract.pdf import read

        options = ReadOptions(ocr="never")
        return lambda path: read(path, options)
    if name in ("camelot", "camelot-vector"):
        import logging
        import warnings

        import camelot

        logging.getLogger("camelot").setLevel(logging.ERROR)
        warnings.simplefilter("ignore")
        extra = {"engine": "vector"} if name == "camelot-vector" else {}
        return lambda path: [t.df for t in camelot.read_pdf(str(path), pages="all", flavor="lattice", **extra)]
    if name == "pdfplumber":
        import pdfplumber

        def run(path: Path):
            with pdfplumber.open(path) as pdf:
                return [page.extract_tables() for page in pdf.pages]
        return run
    if name == "pypdfium2-text":
        import pypdfium2 as pdfium

        def run(path: Path):
            pdf = pdfium.PdfDocument(str(path))
            try:
                return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
            finally:
                pdf.close()
        return run
    raise SystemExit(f"unknown contender {name}")


def measure_in_this_process(name: str, files: list[Path], repeat: int) -> dict:
    run = _runner(name)
    run(files[0])  # warm-up: lazy imports, font caches
    pages = sum(_pages(f) for f in files)
    passes = 1 if name in SLOW else repeat
    start = time.perf_counter()
    for _ in range(passes):
        for f in files:
            run(f)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"contender": name, "pages": pages * passes, "seconds": round(seconds, 3),
            "pages_per_s": round(pages * passes / seconds, 1), "peak_rss_mib": round(peak_kib / 1024, 1)}


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths or [str(ROOT / "samples" / "pdf")]):
        candidates = sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
        for f in candidates:
            try:
                if f.stat().st_size and _pages(f) and _has_text(f):
                    files.append(f)
            except Exception:
                continue  # encrypted, truncated: not benchmark material
    return files


def _has_text(path: Path) -> bool:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[0].get_textpage().count_chars() > 10
    finally:
        pdf.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", help="PDF files or folders (default: samples/pdf)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the files for the fast contenders")
    ap.add_argument("--only", help="comma-separated contenders")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds over all contenders, interleaved; the best round counts (other load on the machine)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()
    files = collect(args.inputs)
    if not files:
        raise SystemExit("no text PDFs to measure")
    if args.child:
        print(json.dumps(measure_in_this_process(args.child, files, args.repeat)))
        return
    names = args.only.split(",") if args.only else CONTENDERS
    best: dict[str, dict] = {}
    for round_no in range(args.rounds):
        for name in names:
            if round_no and name in SLOW:
                continue
            cmd = [sys.executable, __file__, "--child", name, "--repeat", str(args.repeat), *map(str, files)]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)})
            if proc.returncode != 0:
                print(f"{name}: failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else '?'}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            if name not in best or r["pages_per_s"] > best[name]["pages_per_s"]:
                best[name] = r
    results = [best[n] for n in names if n in best]
    print(f"{len(files)} text PDFs, {sum(_pages(f) for f in files)} pages")
    base = {r["contender"]: r for r in results}
    ours = base.get("jixiao")
    print(f"{'contender':16} {'pages/s':>9} {'peak RSS MiB':>13} {'jixiao ÷ this':>14}")
    for r in results:
        ratio = f"{ours['pages_per_s'] / r['pages_per_s']:.2f}×" if ours else "-"
        print(f"{r['contender']:16} {r['pages_per_s']:9.1f} {r['peak_rss_mib']:13.1f} {ratio:>14}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
