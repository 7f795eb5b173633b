"""``make bench``: every benchmark in turn, each printing its table of figures and ratios.

Benchmarks measure; they never assert. Run one alone for its options (``--help``).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    ("normaliser: strings per second", ["bench_normalize.py"]),
    ("text-layer PDFs: jixiao vs camelot, pdfplumber, pypdfium2", ["bench_pdf.py"]),
    ("office and web formats: reading and conversion time per file", ["bench_office.py"]),
    ("scans: jixiao OCR path vs the OCR engine alone", ["bench_ocr.py"]),
    ("batch: files/s with 1 and 2 workers, --resume overhead", ["bench_batch.py"]),
]


def main() -> int:
    failed = 0
    for title, argv in BENCHES:
        print(f"\n=== {title} ===", flush=True)
        code = subprocess.call([sys.executable, str(HERE / argv[0]), *argv[1:]], cwd=HERE.parent)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
