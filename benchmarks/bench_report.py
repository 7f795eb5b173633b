"""The review report's cost: build time, size on disk, and the overview's open time in Chromium.

    python benchmarks/bench_report.py OUTDIR                 # time `jixiao report` on an extraction
    python benchmarks/bench_report.py --synthetic 1000 OUTDIR --from SRC_OUTDIR
        # a synthetic OUTDIR of 1,000 documents (SRC_OUTDIR's documents repeated under new names),
        # then the report and the overview's open time

The open time is measured in Debian's Chromium (/usr/bin/chromium, driven by Playwright): from
navigation start to the overview's table drawn (``body[data-ready]``), the best of 3 loads.
Page images are keyed by file content, so repeated documents share them (as identical uploads do).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from jixiao.report import build_report  # noqa: E402
from jixiao.report.tables import TABLES, read_table  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def synthesise(src: Path, dest: Path, n: int) -> None:
    """dest/ gets src's tables with its documents repeated under new sources until there are n."""
    tables = {t: read_table(src, t) for t in TABLES}
    docs = tables["documents"]
    groups = {t: dict(tuple(df.groupby("source", sort=False))) if not df.empty else {} for t, df in tables.items()}
    out = {t: [] for t in TABLES}
    for k in range(n):
        old = docs.iloc[k % len(docs)]["source"]
        new = f"batch{k // len(docs):03d}/{old}"
        for t in TABLES:
            part = groups[t].get(old)
            if part is None:
                continue
            part = part.copy()
            part["source"] = new
            if "form_id" in part.columns:
                part["form_id"] = part["form_id"].str.replace(old, new, regex=False)
            out[t].append(part)
    dest.mkdir(parents=True, exist_ok=True)
    for t in TABLES:
        frames = [f for f in out[t] if len(f)]
        df = pd.concat(frames, ignore_index=True) if frames else tables[t].iloc[0:0]
        df.to_parquet(dest / f"{t}.parquet", index=False)


def open_time(index: Path, rounds: int = 3) -> float:
    from playwright.sync_api import sync_playwright

    best = float("inf")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(rounds):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(index.as_uri())
            page.wait_for_selector("body[data-ready='1']")
            ms = float(page.get_attribute("body", "data-ready-ms"))  # navigation start → table drawn
            best = min(best, ms / 1000)
            page.close()
        browser.close()
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--synthetic", type=int, metavar="N", help="first build a synthetic OUTDIR of N documents")
    ap.add_argument("--from", dest="src", type=Path, help="the OUTDIR whose documents the synthetic one repeats")
    ap.add_argument("--fresh", action="store_true", help="delete OUTDIR/report first (time a first build)")
    args = ap.parse_args()
    if args.synthetic:
        if not args.src:
            ap.error("--synthetic needs --from SRC_OUTDIR")
        t = time.perf_counter()
        synthesise(args.src, args.outdir, args.synthetic)
        print(f"synthetic OUTDIR of {args.synthetic} documents in {time.perf_counter() - t:.1f} s")
    if args.fresh:
        shutil.rmtree(args.outdir / "report", ignore_errors=True)
    summary = build_report(args.outdir)
    size = summary.size_bytes()
    images = sum(p.stat().st_size for p in (args.outdir / "report" / "img").glob("*.jpg"))
    print(f"report: {summary.documents} documents, {summary.pages} page images, built in {summary.seconds:.1f} s, "
          f"{size / 1e6:.1f} MB on disk ({images / 1e6:.1f} MB images, "
          f"{len(list((args.outdir / 'report' / 'img').glob('*.jpg')))} image files)")
    overview = (args.outdir / "report" / "data" / "overview.js").stat().st_size
    print(f"overview data {overview / 1e3:.0f} kB")
    if Path("/usr/bin/chromium").exists():
        print(f"overview open time in Chromium: {open_time(summary.index):.3f} s (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
