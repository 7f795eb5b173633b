"""OCR benchmark: seconds per page for jixiao's OCR path vs the OCR engine alone, and peak memory.

For each page image (the repo's scanned samples by default, or the files/folders given: PNG, JPG,
TIFF, BMP, PDF), times

- ``engine``: RapidOCR alone on the whole page (one detection + recognition pass), and
- ``jixiao``: :func:`jixiao.extract.ocr.ocr_page` — seal suppression, deskew, ruling-line grid,
  the same single OCR pass, assignment to cells, confusion fixes,

each the best of ``--repeat`` runs after a warm-up (model loading excluded from both), and reports
the ratio (goal: jixiao ≤ 1.5× the engine alone) and the peak resident memory of the process.

    .venv/bin/python benchmarks/bench_ocr.py [--repeat 2] [--threads N] [PATH ...]
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

IMAGE_EXT = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}


def pages_of(paths: list[Path]):
    import numpy as np
    from PIL import Image

    from jixiao.extract.ocr.render import render_pdf_pages

    files: list[Path] = []
    for p in paths:
        files += sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p]
    for f in files:
        ext = f.suffix.lower()
        if ext == ".pdf":
            import pypdfium2 as pdfium

            n = len(pdfium.PdfDocument(str(f)))
            for page in render_pdf_pages(f, list(range(1, n + 1))):
                yield f"{f.name}#{page.page}", page.image, page.scale
        elif ext in IMAGE_EXT:
            with Image.open(f) as im:
                yield f.name, np.ascontiguousarray(np.asarray(im.convert("RGB"))[:, :, ::-1]), 1.0


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[REPO / "samples" / "scan"])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--threads", type=int, default=0, help="onnxruntime threads (0 = its default)")
    args = ap.parse_args()
    if args.threads:
        os.environ["JIXIAO_OCR_THREADS"] = str(args.threads)

    from jixiao.extract.ocr import ocr_page
    from jixiao.extract.ocr.engine import get_engine

    engine = get_engine()
    rows = []
    def engine_alone(image):
        # every switch explicit: RapidOCR keeps the switches of the last call (jixiao's own
        # recognition-only calls would otherwise turn detection off here)
        return engine(image, use_det=True, use_cls=False, use_rec=True, return_word_box=False)

    for name, image, scale in pages_of(args.paths):
        engine_alone(image)  # warm-up: sessions, arenas
        t_engine = best_of(lambda image=image: engine_alone(image), args.repeat)
        t_jixiao = best_of(lambda image=image, scale=scale: ocr_page(image, 1, scale), args.repeat)
        h, w = image.shape[:2]
        rows.append((name, f"{w}x{h}", t_engine, t_jixiao))
        print(f"{name:40s} {w}x{h:<6d} engine {t_engine:6.2f} s  jixiao {t_jixiao:6.2f} s  ratio {t_jixiao / t_engine:4.2f}",
              flush=True)
    if not rows:
        print("no pages found")
        return
    mean_engine = sum(r[2] for r in rows) / len(rows)
    mean_jixiao = sum(r[3] for r in rows) / len(rows)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages {len(rows)}  engine alone {mean_engine:.2f} s/page  jixiao {mean_jixiao:.2f} s/page  "
          f"ratio {mean_jixiao / mean_engine:.2f} (goal <= 1.5)  peak RSS {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
