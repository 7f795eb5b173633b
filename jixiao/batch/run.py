"""``jixiao extract``'s job: discover inputs, run them, write the tables, summarise, pick the exit code."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from jixiao.batch.discover import discover
from jixiao.batch.local import run_local
from jixiao.dataset.frames import Dataset
from jixiao.dataset.writers import write_dataset
from jixiao.extract import ReadOptions


def run_extract(args, formats: list[str]) -> int:
    start = time.perf_counter()
    found = discover([Path(p) for p in args.inputs])
    options = ReadOptions(ocr=args.ocr, pdf_engine=args.pdf_engine, password=args.password, timeout=args.timeout)
    workers = args.workers or os.cpu_count() or 1
    results = list(run_local(found.items, options, workers=workers, debug=args.debug))
    ds = Dataset.from_results(results)
    outdir = Path(args.out)
    write_dataset(ds, outdir, formats)
    docs = ds.documents
    failed = int((docs["status"] == "failed").sum()) if len(docs) else 0
    if not args.quiet:
        ok = int((docs["status"] == "ok").sum()) if len(docs) else 0
        none = int((docs["status"] == "no_forms").sum()) if len(docs) else 0
        skipped = f", {len(found.skipped)} hidden/temporary skipped" if found.skipped else ""
        print(f"jixiao: {len(docs)} files ({ok} ok, {none} no_forms, {failed} failed{skipped}) → "
              f"{len(ds.forms)} forms, {len(ds.indicators)} indicators in {time.perf_counter() - start:.1f}s → {outdir}/",
              file=sys.stderr)
        for _, row in docs[docs["status"] == "failed"].iterrows():
            print(f"  failed: {row['source']}: {row['error']}", file=sys.stderr)
    return 1 if failed else 0
